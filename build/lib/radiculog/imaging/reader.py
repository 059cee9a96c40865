"""Read a whole report: statements -> clauses -> findings at levels -> (level, finding) entries.

Rules that keep the reader honest:
- a level is "normal" only where the text says so (or only rules findings out)
  and no finding is stated there anywhere in the report;
- a finding is placed at a level only where the text ties it to one;
- a sentence about the scan that cannot be placed is kept in `unread`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from radiculog.imaging import findings as fx
from radiculog.imaging.levels import (
    LEVELS,
    LevelMention,
    VertebraMention,
    find_levels,
    levels_between,
)
from radiculog.imaging.merge import (
    CONTACT_RANK,
    Draft,
    add,
    fold_untyped_herniation,
    freeze,
    give_contact_to_herniation,
)
from radiculog.imaging.report import ImagingReport, LevelFinding, OtherFinding
from radiculog.imaging.roots import anatomical_roots
from radiculog.imaging.sentences import Statement, clauses, statements

_NO_ZONE = ("spondylolisthesis", "Modic change")
# "L4-5 and L5-S1 protrusions, left and right respectively", "..., the latter with ...":
# which finding goes with which level is a puzzle the reader does not solve.
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_THE_LATTER = re.compile(r"\bthe (?:latter|former)\b", re.IGNORECASE)
_GROUP_JOIN = re.compile(r"\s*(?:,|and|or|&|/|as well as)?\s*(?:and\s+)?(?:at\s+)?", re.IGNORECASE)
_CHAIN = [v for v in ("T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2")]


@dataclass
class _Group:
    start: int
    levels: tuple[str, ...]


@dataclass
class _State:
    drafts: dict[tuple[str, str], Draft] = field(default_factory=dict)
    normal: dict[str, str] = field(default_factory=dict)  # level -> evidence
    others: dict[tuple[str, str], str] = field(default_factory=dict)
    unread: dict[str, str] = field(default_factory=dict)  # sentence -> why (a reason code)
    notes: list[str] = field(default_factory=list)
    ces: list[str] = field(default_factory=list)
    last: list[Draft] = field(default_factory=list)


def _groups(sentence: str, mentions: list[LevelMention]) -> list[_Group]:
    out: list[_Group] = []
    prev_end = -1
    for m in mentions:
        if out and _GROUP_JOIN.fullmatch(sentence[prev_end : m.start]):
            out[-1].levels = out[-1].levels + m.levels
        else:
            out.append(_Group(m.start, m.levels))
        prev_end = m.end
    return out


def _group_for(pos: int, groups: list[_Group], prefix: bool) -> _Group | None:
    """The level group a finding at `pos` belongs to: the one before it when the clause
    opens with a level ("L4-5: bulge"), else the next one named ("bulge at L4-5")."""
    before = [g for g in groups if g.start < pos]
    after = [g for g in groups if g.start > pos]
    if prefix and before:
        return before[-1]
    if after:
        return after[0]
    return before[-1] if before else None


def _trim_at_next_group(m: fx.Mention, own: _Group, groups: list[_Group], offset: int) -> None:
    """A finding's words stop where another level starts: in "bulges at L3-4 and L4-5, worse
    at L4-5 where there is a left foraminal component", "left foraminal" is not the bulges'."""
    later = [g.start - offset for g in groups if g is not own and g.start - offset > m.end]
    if later and m.word_start < min(later) < m.word_start + len(m.words):
        m.words = m.words[: min(later) - m.word_start]
    start = own.start - offset  # "L4-5 left and L5-S1 right protrusions": not from L4-5's words
    earlier = [g for g in groups if g is not own and m.word_start <= g.start - offset < start]
    if earlier and m.word_start < start < m.start:
        m.words = m.words[start - m.word_start :]
        m.word_start = start


def _listhesis_levels(vertebrae: list[VertebraMention], lo: int, hi: int) -> tuple[str, ...]:
    """'anterolisthesis of L4' is the slip of L4 on the vertebra below: L4-L5."""
    for v in vertebrae:
        if lo <= v.start < hi and not v.is_root and v.vertebra in _CHAIN[:-1]:
            return levels_between(v.vertebra, _CHAIN[_CHAIN.index(v.vertebra) + 1])
    return ()


def _side(words: str, position: str) -> str:
    found = fx.side(words)
    if found:
        return found
    return "midline" if position == "central" else "unstated"


def _draft(
    m: fx.Mention, level: str, sentence: str, offset: int, verts: list[VertebraMention]
) -> Draft:
    start = offset + m.word_start
    named = fx.named_roots(verts, start, start + len(m.words))
    severity = fx.severity(m.severity_words or m.words)
    if m.finding in _NO_ZONE:
        contact = fx.contact(m.words, bool(named)) or "unstated"
        return Draft(level, m.finding, "n/a", [], "n/a", named, bool(named), contact, severity,
                      sentence, False)  # fmt: skip
    contact = fx.contact(m.words, bool(named)) or "unstated"
    if not m.compressive:
        # an annular fissure: where it is comes before the word ("central annular fissure");
        # what follows ("which abuts the L5 root") is about the herniation it belongs to
        m.words = m.words[: m.end - m.word_start]
    first, zones = fx.zone(m.words)
    position = m.position or first or "unstated"
    zones = [m.position] if m.position else zones
    roots = named or (anatomical_roots(level, zones) if m.compressive else [])
    side = _side(m.words, position)
    return Draft(level, m.finding, position, zones, side, roots, bool(named), contact, severity,
                  sentence, m.compressive)  # fmt: skip


def _attach(state: _State, clause: str, levels: tuple[str, ...], named: list[str]) -> bool:
    """A clause with no finding that says what happens to a root belongs to the finding before."""
    grade = fx.contact(clause, bool(named))
    if grade is None:
        return False
    targets = [d for d in state.last if d.compressive and (not levels or d.level in levels)]
    if grade == "none" and named:
        # "the exiting L5 roots are free": says which root is spared, changes no finding
        return True
    side = fx.side(clause)
    for d in targets:
        if named:
            d.roots, d.named = named, True
        d.contact = max(d.contact, grade, key=CONTACT_RANK.index)
        if side and d.side in ("unstated", "midline"):
            d.side = side
    return bool(targets) or grade == "none"  # "no nerve root impingement": read


def _clause_without_findings(
    state: _State, sentence: str, offset: int, clause: str, levels: tuple[str, ...],
    verts: list[VertebraMention],
) -> bool:  # fmt: skip
    """'L5-S1: Normal.' or 'The traversing left S1 root is compressed.'; True if read."""
    if fx.is_normal(clause) and levels and not fx.is_background(clause):
        for lv in levels:
            state.normal.setdefault(lv, sentence)
        return True
    named = fx.named_roots(verts, offset, offset + len(clause))
    return _attach(state, clause, levels, named)


def _place(
    state: _State, m: fx.Mention, levels: tuple[str, ...], sentence: str, offset: int,
    verts: list[VertebraMention], new_last: list[Draft],
) -> None:  # fmt: skip
    for lv in levels:
        if lv not in LEVELS:
            continue
        if m.other:
            state.others.setdefault((lv, m.finding), sentence)
        elif m.negated:
            state.normal.setdefault(lv, sentence)
        else:
            d = add(state.drafts, _draft(m, lv, sentence, offset, verts))
            give_contact_to_herniation(d, [x for x in new_last if x.level == lv])
            new_last.append(d)


def _read_clause(
    state: _State, sentence: str, offset: int, clause: str, inherited: tuple[str, ...],
    mentions: list[LevelMention], verts: list[VertebraMention],
) -> tuple[bool, str, tuple[str, ...]]:  # fmt: skip
    """Returns (read something, why something could not be placed or "", levels for the
    next clause). The reasons are the codes in report.UNREAD_REASONS."""
    own = [m for m in mentions if offset <= m.start < offset + len(clause)]
    groups = _groups(sentence, own)
    found, unqualified = fx.mentions(clause)
    problem = "which_narrowing" if unqualified else ""
    problem = problem or ("level_not_read" if any(not m.supported for m in own) else "")
    if not found:
        levels = tuple(lv for g in groups for lv in g.levels) or inherited
        read = _clause_without_findings(state, sentence, offset, clause, levels, verts)
        return read, problem or ("words_not_known" if groups and not read else ""), levels
    several = sum(len(g.levels) for g in groups) > 1
    if several and _RESPECTIVELY.search(clause):
        return True, "which_level", inherited
    latter = _THE_LATTER.search(clause) if several else None
    prefix = bool(groups) and groups[0].start < offset + found[0].start
    used: set[int] = set()
    new_last: list[Draft] = []
    for m in found:
        if latter and m.start > latter.start():
            problem = problem or "which_level"
            continue
        after = [lm.start - offset for lm in own if lm.start - offset >= m.end]
        m.severity_words = clause[m.word_start : min(after)] if after else ""
        group = _group_for(offset + m.start, groups, prefix)
        if group is not None:
            _trim_at_next_group(m, group, groups, offset)
        levels = group.levels if group is not None else inherited
        if not levels and m.finding == "spondylolisthesis":
            levels = _listhesis_levels(verts, offset, offset + len(clause))
        if not levels:
            # "no stenosis at any level", "multilevel disc desiccation": read, placed nowhere
            placed_nowhere = m.negated or m.other
            problem = problem or ("" if placed_nowhere else "no_level")
            state.notes.extend([sentence] if placed_nowhere else [])
            continue
        used.update(i for i, g in enumerate(groups) if g.levels == levels)
        _place(state, m, levels, sentence, offset, verts, new_last)
    state.last = new_last or state.last
    problem = problem or ("which_level" if len(used) < len(groups) else "")
    return True, problem, groups[-1].levels if groups else inherited


def _read_statement(state: _State, st: Statement) -> None:
    sentence = st.text
    mentions, verts = find_levels(sentence)
    read_any, problem = False, ""
    for _start, negated in fx.cauda_equina_phrases(sentence):
        read_any = True
        if not negated:
            state.ces.append(sentence)
    inherited = st.context
    for offset, clause in clauses(sentence):
        read, bad, inherited = _read_clause(
            state, sentence, offset, clause, inherited, mentions, verts
        )
        read_any, problem = read_any or read, problem or bad
    if fx.names_unread_term(sentence):
        # surgery, a cyst, a mass...: show it word for word and call no level here normal
        state.normal = {lv: ev for lv, ev in state.normal.items() if ev != sentence}
        state.unread.setdefault(sentence, "not_interpreted")
    elif not read_any and fx.is_background(sentence):
        state.notes.append(sentence)  # alignment, conus, numbering: read, not about a disc
    elif problem or not read_any:
        state.unread.setdefault(sentence, problem or "words_not_known")


def _build(state: _State) -> ImagingReport:
    fold_untyped_herniation(state.drafts)
    order = {lv: i for i, lv in enumerate(LEVELS)}
    entries = [freeze(d) for d in state.drafts.values()]
    with_disease = {e.level for e in entries}
    for lv, ev in state.normal.items():
        if lv not in with_disease:
            entries.append(LevelFinding(lv, "normal", "n/a", "n/a", (), "unstated", ev))
    entries.sort(key=lambda e: order[e.level])  # stable: text order within a level
    severe_canal = [
        e.evidence
        for e in entries
        if e.finding == "central canal stenosis" and e.severity == "severe"
    ]
    ces = list(dict.fromkeys(state.ces + severe_canal))
    others = [OtherFinding(lv, f, ev) for (lv, f), ev in state.others.items()]
    others.sort(key=lambda o: order[o.level])
    return ImagingReport(
        levels=tuple(entries),
        cauda_equina_risk=bool(ces),
        cauda_equina_evidence=tuple(ces),
        other_findings=tuple(others),
        unread=tuple(state.unread),
        unread_reasons=tuple(state.unread.values()),
        notes=tuple(dict.fromkeys(state.notes)),
    )


def read_report(text: str) -> ImagingReport:
    """Read the free text of a lumbar MRI or CT report."""
    if not isinstance(text, str):
        raise TypeError(f"report text must be a string, got {type(text).__name__}")
    state = _State()
    for st in statements(text):
        _read_statement(state, st)
    return _build(state)
