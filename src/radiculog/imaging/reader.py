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

from radiculog.imaging import context as cx
from radiculog.imaging import findings as fx
from radiculog.imaging import groups as gx
from radiculog.imaging.levels import (
    LEVELS,
    LevelMention,
    VertebraMention,
    find_levels,
)
from radiculog.imaging.merge import (
    CONTACT_RANK,
    Draft,
    add,
    fold_untyped_herniation,
    freeze,
    give_contact_to_herniation,
    pass_roots_back,
)
from radiculog.imaging.report import ImagingReport, LevelFinding, OtherFinding, UnreadDetail
from radiculog.imaging.roots import anatomical_roots, traversing_root
from radiculog.imaging.sentences import Statement, clauses, statements

_NO_ZONE = ("spondylolisthesis", "Modic change")
# "L4-5 and L5-S1 protrusions, left and right respectively", "..., the latter with ...": which
# finding goes with which level is solved only for named roots (context.respective_roots).
_THE_LATTER = re.compile(r"\bthe (?:latter|former)\b", re.IGNORECASE)
_DISC_FINDINGS = ("sequestration", "extrusion", "protrusion", "herniation", "bulge")
_CANAL_FILLING = (
    "sequestration",
    "extrusion",
    "protrusion",
    "herniation",
    "central canal stenosis",
)
_DISC_SUBJECT = re.compile(
    r"^\W*(?:the |this )?(?:dis[ck](?: material| fragment)?|fragment)\b", re.I
)


@dataclass
class _State:
    drafts: dict[tuple[str, str], Draft] = field(default_factory=dict)
    normal: dict[str, str] = field(default_factory=dict)  # level -> evidence
    others: dict[tuple[str, str], str] = field(default_factory=dict)
    unread: dict[str, str] = field(default_factory=dict)  # sentence -> why (a reason code)
    unread_details: dict[str, UnreadDetail] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    ces: list[str] = field(default_factory=list)
    ces_levels: list[str] = field(default_factory=list)  # levels the warning sentences name
    last: list[Draft] = field(default_factory=list)
    carry: tuple[str, ...] = ()  # level context from the sentences before, in this paragraph
    paragraph: int = -1
    respective: dict[str, str] = field(default_factory=dict)  # level -> root, this sentence
    from_carry: bool = False  # this sentence's level comes from an earlier sentence


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
    # the grade before the noun is its own ("mild central stenosis and sever compression of
    # the L5 root" is mild); one after it counts only when none comes before
    before = fx.severity(sentence[max(0, offset + m.start - 20) : offset + m.end])
    severity = m.severity or (before if before != "unstated" else fx.severity(
        m.severity_words or m.words))  # fmt: skip
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
    inside = [v for v in verts if v.is_root and start <= v.start < start + len(m.words)]
    kinds = {v.vertebra: cx.root_kind(sentence, v) for v in inside}
    named = [r for r in named if cx.zone_fits(kinds.get(r), zones)]
    contact = contact if named or not fx.named_roots(verts, start, start + len(m.words)) else (
        "unstated")  # fmt: skip
    roots = named or (anatomical_roots(level, zones) if m.compressive else [])
    side = _side(m.words, position)
    return Draft(level, m.finding, position, zones, side, roots, bool(named), contact, severity,
                  sentence, m.compressive)  # fmt: skip


def _attach(
    state: _State, clause: str, levels: tuple[str, ...], named: list[str],
    kinds: dict[str, str | None],
) -> bool:  # fmt: skip
    """A clause with no finding that says what happens to a root belongs to the finding before
    (the latest one whose zone fits a root said to be traversing or exiting)."""
    grade = fx.contact(clause, bool(named))
    if grade is None:
        return False
    here = [d for d in state.drafts.values() if d.compressive and (not levels or d.level in levels)]
    targets = [d for d in state.last if d in here]
    fits = [d for d in here if all(cx.zone_fits(kinds.get(r), d.zones) for r in named)]
    if named and targets and not any(d in fits for d in targets):
        targets = fits[-1:]
    disc = [d for d in here if d.finding in _DISC_FINDINGS]
    if disc and _DISC_SUBJECT.search(clause):
        # "The disc material compresses the left S1 nerve root": the disc, not the canal narrowing
        targets = [d for d in targets if d in disc] or disc[-1:]
    kind = None if named else cx.unnamed_root_kind(clause)
    if kind:  # "... and compression of the exiting nerves": the foraminal finding's roots
        targets = [d for d in targets if d.zones and cx.zone_fits(kind, d.zones)]
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
        for lv in levels if not state.from_carry else ():
            state.normal.setdefault(lv, sentence)
        return True
    named = fx.named_roots(verts, offset, offset + len(clause))
    kinds = {v.vertebra: cx.root_kind(sentence, v) for v in verts if v.is_root}
    if _attach(state, clause, levels, named, kinds):
        return True
    return _root_at_level(state, sentence, offset, clause, levels, named, verts)


def _root_at_level(
    state: _State, sentence: str, offset: int, clause: str, levels: tuple[str, ...],
    named: list[str], verts: list[VertebraMention],
) -> bool:  # fmt: skip
    """'L4-5: There is effacement of the left L5 nerve root.': no finding to give the contact to,
    so the root and the level give one (the lateral recess or the foramen). Not for a sentence
    about a cyst, a mass or surgery: that one stays unread, with its level and root."""
    if not named or not levels or fx.names_unread_term(sentence):
        return False
    if fx.contact(clause, True) in (None, "none"):
        return False
    found = [(lv, m) for lv in levels for r in named if (m := cx.root_at_level(clause, lv, r))]
    for lv, m in found:
        _place(state, m, (lv,), sentence, offset, verts, [])
    return bool(found)


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
            if not state.from_carry:
                state.normal.setdefault(lv, sentence)
        else:
            d = add(state.drafts, _draft(m, lv, sentence, offset, verts))
            give_contact_to_herniation(d, [x for x in new_last if x.level == lv])
            same = [x for x in new_last if x.level == lv]
            pass_roots_back(
                fx.named_roots(verts, offset + m.word_start, offset + m.word_start + len(m.words)),
                m.words,
                d,
                same,
                state.respective,
            )
            if lv in state.respective and d.named and len(d.roots) > 1:
                d.roots = [state.respective[lv]]  # "... the L5 & S1 roots respectively"
            new_last.append(d)


def _read_clause(
    state: _State, sentence: str, offset: int, clause: str, inherited: tuple[str, ...],
    mentions: list[LevelMention], verts: list[VertebraMention],
) -> tuple[bool, str, tuple[str, ...]]:  # fmt: skip
    """Returns (read something, why something could not be placed or "", levels for the
    next clause). The reasons are the codes in report.UNREAD_REASONS."""
    own = [m for m in mentions if offset <= m.start < offset + len(clause)]
    groups = gx.groups(sentence, own)
    found, unqualified = fx.mentions(clause)
    problem = "which_narrowing" if unqualified else ""
    problem = problem or ("level_not_read" if any(not m.supported for m in own) else "")
    if not found:
        levels = tuple(lv for g in groups for lv in g.levels) or inherited
        read = _clause_without_findings(state, sentence, offset, clause, levels, verts)
        return read, problem or ("words_not_known" if groups and not read else ""), levels
    several = sum(len(g.levels) for g in groups) > 1
    if several and cx.RESPECTIVELY.search(clause) and not state.respective:
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
        if m.finding == "Modic change" and _on_vertebrae(
            verts, offset + m.word_start, offset, clause
        ):
            # "... with Modic changes in the L2, L3 and L4 vertebrae": bodies, not discs (unread)
            problem = problem or "which_level"
            continue
        group = gx.group_for(offset + m.start, groups, prefix)
        if group is not None:
            gx.trim_at_next_group(m, group, groups, offset)
        levels = group.levels if group is not None else inherited
        # "compresses the exiting L4 root": the root says where
        levels = levels or cx.root_levels(sentence, verts, offset, offset + len(clause))
        if not levels and m.finding == "spondylolisthesis":
            levels = gx.listhesis_levels(verts, offset, offset + len(clause))
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


def _cauda_equina(state: _State, sentence: str) -> bool:
    """Record the sentence if it carries the warning; True if it says anything about it."""
    said = False
    for _start, negated in fx.cauda_equina_phrases(sentence):
        said = True
        if not negated:
            state.ces.append(sentence)
    if fx.large_disc_compresses_sac(sentence):
        state.ces.append(sentence)
    if fx.states_cauda_syndrome(sentence):
        state.ces.append(sentence)
    return said or fx.denies_cauda_syndrome(sentence)


def _on_vertebrae(verts: list[VertebraMention], start: int, offset: int, clause: str) -> bool:
    """Does a finding's clause, from its words on, name vertebrae that are not roots?"""
    return any(not v.is_root and start <= v.start < offset + len(clause) for v in verts)


def _read_statement(state: _State, st: Statement) -> None:
    sentence = st.text
    mentions, verts = find_levels(sentence)
    flagged = len(state.ces)
    read_any, problem = _cauda_equina(state, sentence), ""
    whole_spine = cx.ends_context(sentence) and not mentions
    carried = () if whole_spine else (cx.vertebra_levels(sentence) or state.carry)
    if len(state.ces) > flagged:  # the levels the warning is about give its roots (issue 21)
        named = [lv for m in mentions for lv in m.levels] or list(st.context or carried)
        state.ces_levels.extend(named)
    # a level carried from an earlier sentence places findings, but never calls a level normal
    # ("The cauda equina is unremarkable." after a sentence naming L5/S1)
    state.from_carry = bool(carried) and not mentions and not st.context
    inherited = () if whole_spine else (carried or st.context)
    state.respective = cx.respective_roots(sentence, mentions, verts)
    before = len(state.drafts)
    for offset, clause in clauses(sentence):
        read, bad, inherited = _read_clause(
            state, sentence, offset, clause, inherited, mentions, verts
        )
        read_any, problem = read_any or read, problem or bad
    if not mentions and not inherited and len(state.drafts) == before:
        read_any = _root_only(state, sentence, verts) or read_any
    background = not read_any and fx.is_background(sentence)  # numbering, conus: no context
    state.carry = () if whole_spine or background else inherited
    if fx.names_unread_term(sentence):
        # surgery, a cyst, a mass...: show it word for word and call no level it is about normal
        here = {lv for m in mentions for lv in m.levels} | set(st.context)
        here |= set(carried) if not verts else set()  # "... in the L3 body" is not about L5-S1
        state.normal = {
            lv: ev for lv, ev in state.normal.items() if ev != sentence and lv not in here
        }
        state.unread.setdefault(sentence, "not_interpreted")
    elif not read_any and fx.is_background(sentence):
        state.notes.append(sentence)  # alignment, conus, numbering: read, not about a disc
    elif problem or not read_any:
        state.unread.setdefault(sentence, problem or "words_not_known")
    if sentence in state.unread and sentence not in state.unread_details:
        where = [lv for m in mentions for lv in m.levels] or list(st.context or carried)
        state.unread_details[sentence] = _unread_detail(sentence, where, verts)


def _unread_detail(sentence: str, levels: list[str], verts: list[VertebraMention]) -> UnreadDetail:
    """'L4-5: A synovial cyst compressing the neighbouring right L5 root.': not read, but its level,
    root, side and what it does to the root are shown with it (issue 21)."""
    roots = tuple(fx.named_roots(verts, 0, len(sentence)))
    return UnreadDetail(
        tuple(lv for lv in dict.fromkeys(levels) if lv in LEVELS),
        roots,
        fx.side(sentence) or "unstated",
        (fx.contact(sentence, True) or "unstated") if roots else "unstated",
    )


def _root_only(state: _State, sentence: str, verts: list[VertebraMention]) -> bool:
    """'Compression of the exiting L4 nerve root': the root gives finding and level."""
    found = cx.root_only_finding(sentence, verts)
    if found is not None:
        _place(state, found[0], found[1], sentence, 0, verts, [])
    return found is not None


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
    ces_levels = set(state.ces_levels) | {
        e.level for e in entries if e.finding == "central canal stenosis" and e.severity == "severe"
    }
    ces_levels = {lv for lv in ces_levels if lv in order}
    if ces and not ces_levels:
        # "... causing cauda equina syndrome" said where no level is: the levels of the findings
        # that can fill the canal (disc material, canal narrowing) are the ones it is about
        ces_levels = {e.level for e in entries if e.finding in _CANAL_FILLING}
    others = [OtherFinding(lv, f, ev) for (lv, f), ev in state.others.items()]
    others.sort(key=lambda o: order[o.level])
    return ImagingReport(
        levels=tuple(entries),
        cauda_equina_risk=bool(ces),
        cauda_equina_evidence=tuple(ces),
        cauda_equina_levels=tuple(sorted(ces_levels, key=order.__getitem__)) if ces else (),
        cauda_equina_roots=tuple(
            dict.fromkeys(traversing_root(lv) for lv in sorted(ces_levels, key=order.__getitem__))
        )
        if ces
        else (),
        other_findings=tuple(others),
        unread=tuple(state.unread),
        unread_reasons=tuple(state.unread.values()),
        unread_details=tuple(state.unread_details.get(s, UnreadDetail()) for s in state.unread),
        notes=tuple(dict.fromkeys(state.notes)),
    )


def read_report(text: str) -> ImagingReport:
    """Read the free text of a lumbar MRI or CT report."""
    if not isinstance(text, str):
        raise TypeError(f"report text must be a string, got {type(text).__name__}")
    state = _State()
    for st in statements(text):
        if st.paragraph != state.paragraph:  # level context does not cross a blank line
            state.carry, state.paragraph = (), st.paragraph
        _read_statement(state, st)
    return _build(state)
