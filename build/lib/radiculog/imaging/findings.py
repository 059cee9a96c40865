"""Find the findings in one clause and read what the report says about each.

A finding is a word such as "protrusion" or "foraminal narrowing". Its words
run from the separator before it to the separator before the next finding;
zone, side, severity, what it does to a root and the roots it names are read
from those words only, so "left protrusion and right foraminal narrowing"
keeps its two sides apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from radiculog.imaging.levels import VertebraMention
from radiculog.imaging.vocabulary import load_vocabulary

CONTACT_ORDER = ("none", "contact", "displaced", "compressed")
SEVERITY_ORDER = ("unstated", "mild", "moderate", "severe")
_SEPARATOR = re.compile(
    r"[,;:]|\b(?:and|with|causing|resulting in|producing|leading to|plus|as well as|also)\b",
    re.IGNORECASE,
)
# After a comma these words start a new positive item: "no canal stenosis, mild foraminal narrowing"
_NEW_ITEM = re.compile(
    r",\s*(?:mild|moderate|severe|minimal|small|large|an?|there|left|right|bilateral)\b", re.I
)
_STENOSIS_FILLER = re.compile(
    r"(?:\s+|,|/|&|-|\b(?:and|or|the|of|both|to|is|are|appears?|remains?|neural|at|in|involving)\b)$",
    re.IGNORECASE,
)
_STENOSIS_FILLER_FWD = re.compile(
    r"^(?:\s+|,|/|&|-|\b(?:and|or|the|of|both|is|are|neural|at|in|involving|affecting)\b)",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """One finding named in a clause (offsets are within the clause)."""

    finding: str
    start: int
    end: int
    compressive: bool
    other: bool = False  # a finding outside the contract types (disc degeneration, facets)
    position: str | None = None  # fixed by the finding itself (stenosis kinds)
    negated: bool = False
    words: str = ""  # the finding's own words: from the separator before it to the one after
    word_start: int = 0
    # the words up to the next level named: "moderate at L3-4 and severe at L4-5"
    severity_words: str = ""


class _Taken:
    """Which characters of a clause already belong to a finding (constant time per check)."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)


def _stenosis_position(kind: str) -> str:
    return {
        "central canal stenosis": "central",
        "lateral recess stenosis": "lateral recess",
        "foraminal stenosis": "foraminal",
    }[kind]


@cache
def _anchored(pattern: str, forward: bool, whole_word: bool) -> re.Pattern[str]:
    """`pattern` tied to the start (forward) or the end of a text."""
    if forward:
        return re.compile(rf"^(?:{pattern})" + (r"(?!\w)" if whole_word else ""), re.IGNORECASE)
    return re.compile((r"(?<![\w-])" if whole_word else "") + rf"(?:{pattern})$", re.IGNORECASE)


def _qualifier_at(text: str, forward: bool) -> tuple[str, int, int] | None:
    """The stenosis qualifier that ends (or, forward, starts) exactly at the edge of `text`."""
    best: tuple[str, int, int] | None = None
    for kind, pattern in load_vocabulary().stenosis_qualifiers:
        m = _anchored(pattern.pattern, forward, True).search(text)
        if m and (best is None or (m.end() - m.start()) > (best[2] - best[1])):
            best = (kind, m.start(), m.end())
    return best


def _walk_qualifiers(clause: str, edge: int, forward: bool) -> list[tuple[str, int, int]]:
    """Qualifiers joined to a stenosis noun: "canal and bilateral foraminal | stenosis"."""
    found: list[tuple[str, int, int]] = []
    pos = edge
    vocab = load_vocabulary()
    filler_words = [p for _, p in vocab.severity] + [p for _, p in vocab.sides]
    for _ in range(12):
        # qualifiers and fillers are short: look only near the edge (keeps long clauses fast)
        base = pos if forward else max(0, pos - 60)
        text = clause[pos : pos + 60] if forward else clause[base:pos]
        q = _qualifier_at(text, forward)
        if q:
            s, e = base + q[1], base + q[2]
            found.append((q[0], s, e))
            pos = e if forward else s
            continue
        filler = _STENOSIS_FILLER_FWD.match(text) if forward else _STENOSIS_FILLER.search(text)
        if not filler:
            for pattern in filler_words:
                filler = _anchored(pattern.pattern, forward, False).search(text)
                if filler:
                    break
        if not filler or filler.end() == filler.start():
            break
        pos = pos + filler.end() if forward else base + filler.start()
    return found


def _stenoses(clause: str, taken: _Taken) -> tuple[list[Mention], bool]:
    vocab = load_vocabulary()
    out: list[Mention] = []
    unqualified = False
    for m in vocab.stenosis_noun.finditer(clause):
        if not taken.free(m.start(), m.end()):
            continue
        whole = _qualifier_at(m.group(0), forward=True)  # German compound: "Spinalkanalstenose"
        if whole and whole[2] == len(m.group(0)):
            quals = [(whole[0], m.start(), m.end())]
        else:
            quals = _walk_qualifiers(clause, m.start(), forward=False)
        if not quals and re.match(
            r"\s*(?:of|in|at|involving|affecting|the)\b", clause[m.end() :], re.I
        ):
            # "narrowing of the left foramen": the finding's words start at the noun
            quals = [(k, m.start(), e) for k, _, e in _walk_qualifiers(clause, m.end(), True)][:1]
        if not quals:
            if negated_at(clause, m.start()) and m.group(0).lower() != "compromise":
                # "no stenosis": no stenosis of any kind
                out.append(Mention("stenosis", m.start(), m.end(), True, negated=True))
            else:
                unqualified = unqualified or m.group(0).lower() != "compromise"
            taken.add(m.start(), m.end())
            continue
        for kind, s, e in quals:
            if taken.free(s, e):
                out.append(Mention(kind, s, e, True, position=_stenosis_position(kind)))
                taken.add(s, e)
        taken.add(m.start(), m.end())
    for m in vocab.stenosis_open.finditer(clause):  # "the canal and foramina are patent"
        quals = _walk_qualifiers(clause, m.start(), forward=False)
        if not quals and m.group(0).lower() in ("patent", "capacious"):
            quals = _walk_qualifiers(clause, m.end(), forward=True)  # "patent canal and foramina"
        for kind, s, e in quals:
            if taken.free(s, e):
                out.append(
                    Mention(kind, s, e, True, position=_stenosis_position(kind), negated=True)
                )
                taken.add(s, e)
    return out, unqualified


def mentions(clause: str) -> tuple[list[Mention], bool]:
    """Findings in a clause, in text order, and whether a stenosis of unnamed kind was seen."""
    vocab = load_vocabulary()
    taken = _Taken(len(clause))
    out: list[Mention] = []
    for other_id, pattern in vocab.others:
        for m in pattern.finditer(clause):
            if taken.free(m.start(), m.end()):
                out.append(Mention(other_id, m.start(), m.end(), False, other=True))
                taken.add(m.start(), m.end())
    for ftype in vocab.findings:
        for m in ftype.pattern.finditer(clause):
            if taken.free(m.start(), m.end()):
                out.append(Mention(ftype.id, m.start(), m.end(), ftype.compressive))
                taken.add(m.start(), m.end())
    stenoses, unqualified = _stenoses(clause, taken)
    out.extend(stenoses)
    out.sort(key=lambda x: x.start)
    _assign_words(clause, out)
    for x in out:
        x.negated = (
            x.negated
            or negated_at(clause, x.start)
            or _post_negated(x.words[x.end - x.word_start :])
        )
    return out, unqualified


def _assign_words(clause: str, found: list[Mention]) -> None:
    # the first finding's words start after the last comma or colon before it:
    # "Mild multilevel changes, worst at L4-5, where there is a disc bulge" -> not a mild bulge
    lead = list(re.finditer(r"[,;:]", clause[: found[0].start])) if found else []
    cut = lead[-1].end() if lead else 0
    for i, x in enumerate(found):
        nxt = found[i + 1].start if i + 1 < len(found) else len(clause)
        between = clause[x.end : nxt]
        seps = list(_SEPARATOR.finditer(between)) if i + 1 < len(found) else []
        end = x.end + seps[-1].start() if seps else nxt
        x.word_start = cut
        x.words = clause[cut:end]
        cut = x.end + seps[-1].end() if seps else nxt


def negated_at(text: str, pos: int) -> bool:
    """True when a negation cue before `pos` still covers it (no terminator in between)."""
    vocab = load_vocabulary()
    start = text.find(" ", pos - 400) if pos > 400 else 0  # a clause is rarely longer
    cues = list(vocab.negation_cues.finditer(text, max(start, 0), pos))
    if not cues:
        return False
    between = text[cues[-1].end() : pos]
    return not (vocab.negation_terminators.search(between) or _NEW_ITEM.search(between))


def _post_negated(after: str) -> bool:
    m = load_vocabulary().negation_post.search(after)
    return m is not None and not _SEPARATOR.search(after[: m.start()])


def zone(text: str) -> tuple[str | None, list[str]]:
    """The first zone the words name (diffuse only if no other), and every zone named."""
    spans: list[tuple[int, int, str]] = []
    for name, pattern in load_vocabulary().zones:
        spans.extend((m.start(), m.end(), name) for m in pattern.finditer(text))
    kept = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    kept.sort()
    names = list(dict.fromkeys(n for _, _, n in kept))
    specific = [n for n in names if n != "diffuse"]
    return (specific[0] if specific else (names[0] if names else None)), names


def side(text: str) -> str | None:
    found = {name for name, pattern in load_vocabulary().sides if pattern.search(text)}
    if "bilateral" in found or {"left", "right"} <= found:
        return "bilateral"
    return next(iter(found)) if found else None


def severity(text: str) -> str:
    found = [name for name, pattern in load_vocabulary().severity if pattern.search(text)]
    return max(found, key=SEVERITY_ORDER.index) if found else "unstated"


def contact(text: str, has_named_root: bool) -> str | None:
    """What the words say the finding does to a root: a Pfirrmann grade, "none", or None."""
    vocab = load_vocabulary()
    grades: list[str] = []
    root_named = has_named_root or bool(vocab.root_words.search(text))
    for grade, pattern in vocab.contact:
        for m in pattern.finditer(text):
            after = text[m.end() : m.end() + 40]
            obj = vocab.not_root_objects.search(after)
            root = vocab.root_words.search(after)
            if obj and (not root or obj.start() < root.start()):
                continue  # "compresses the thecal sac": not a root
            if negated_at(text, m.start()):
                # "no compression of the thecal sac" says nothing about the roots
                if root_named or not vocab.not_root_objects.search(text):
                    grades.append("none")
            elif root_named:
                grades.append(grade)
    if has_named_root and vocab.contact_none.search(text):
        grades.append("none")  # "the exiting L5 root is free"
    positive = [g for g in grades if g != "none"]
    if positive:
        return max(positive, key=CONTACT_ORDER.index)
    return "none" if grades else None


def named_roots(vertebrae: list[VertebraMention], start: int, end: int) -> list[str]:
    """Roots named between `start` and `end` (sentence offsets), in text order."""
    return list(
        dict.fromkeys(v.vertebra for v in vertebrae if v.is_root and start <= v.start < end)
    )


def cauda_equina_phrases(sentence: str) -> list[tuple[int, bool]]:
    """(offset, negated) for each cauda equina compression phrase in a sentence."""
    vocab = load_vocabulary()
    return [
        (m.start(), negated_at(sentence, m.start())) for m in vocab.cauda_equina.finditer(sentence)
    ]


def is_normal(clause: str) -> bool:
    return bool(load_vocabulary().normal.search(clause))


def names_unread_term(sentence: str) -> bool:
    """True when the sentence states something the reader does not interpret (surgery, a mass)."""
    pattern = load_vocabulary().unread_terms
    return any(not negated_at(sentence, m.start()) for m in pattern.finditer(sentence))


def is_background(sentence: str) -> bool:
    return bool(load_vocabulary().background.search(sentence))
