"""Stenosis: a narrowing noun takes its kind from the qualifier next to it ("foraminal
stenosis", "narrowing of the left neural foramen"); some wordings say central canal stenosis
without one ("reduction in spinal canal reserve", an AP diameter in millimetres)."""

from __future__ import annotations

import re
from functools import cache

from radiculog.imaging.mention import Mention, Taken, negated_at, severity
from radiculog.imaging.vocabulary import load_vocabulary

_STENOSIS_FILLER = re.compile(
    r"(?:\s+|,|/|&|-|\b(?:and|or|the|of|both|to|is|are|appears?|remains?|neural|at|in|involving)\b)$",
    re.IGNORECASE,
)
_STENOSIS_FILLER_FWD = re.compile(
    r"^(?:\s+|,|/|&|-|\b(?:and|or|the|of|both|is|are|neural|at|in|involving|affecting)\b)",
    re.IGNORECASE,
)


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


def stenoses(clause: str, taken: Taken) -> tuple[list[Mention], bool]:
    vocab = load_vocabulary()
    out: list[Mention] = _central_wordings(clause, taken)  # before the nouns they contain
    unqualified = False
    side_only = {n.lower() for n in vocab.raw["stenosis"]["side_only_nouns"]}
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
        if not quals and severity(clause[max(0, m.start() - 40) : m.end()]) == "severe":
            # "severe stenosis at L4-5" names no kind: read as the canal, so a severe narrowing
            # is never missed as a cauda equina warning (a false alarm is the smaller defect)
            quals = [("central canal stenosis", m.start(), m.end())]
        if not quals:
            if negated_at(clause, m.start()) and m.group(0).lower() != "compromise":
                # "no stenosis": no stenosis of any kind
                out.append(Mention("stenosis", m.start(), m.end(), True, negated=True))
            else:
                unqualified = unqualified or m.group(0).lower() not in ("compromise", *side_only)
            taken.add(m.start(), m.end())
            continue
        if m.group(0).lower() in side_only:
            quals = [q for q in quals if q[0] != "central canal stenosis"]
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


def _central(start: int, end: int, severity: str | None = None, negated: bool = False) -> Mention:
    return Mention("central canal stenosis", start, end, True, position="central",
                   negated=negated, severity=severity)  # fmt: skip


def _central_wordings(clause: str, taken: Taken) -> list[Mention]:
    """Central canal stenosis said without a qualified noun (issue 13): "reduction in spinal canal
    reserve", "filling the entire canal" (severe), "AP dimension 3.9 mm" (Verbiest's thresholds)."""
    vocab = load_vocabulary()
    ap = vocab.raw["stenosis"]["ap_diameter"]
    out: list[Mention] = []
    found: list[tuple[re.Match[str], str | None]]
    found = [(m, None) for m in vocab.central_any.finditer(clause)]
    found += [(m, "severe") for m in vocab.central_severe.finditer(clause)]
    for m, grade in sorted(found, key=lambda x: x[0].start()):
        if taken.free(m.start(), m.end()):
            out.append(_central(m.start(), m.end(), grade))
            taken.add(m.start(), m.end())
    for m in vocab.ap_diameter.finditer(clause):
        if not taken.free(m.start(), m.end()):
            continue
        mm = float(m["mm"])
        if mm < ap["absolute_mm"]:
            out.append(_central(m.start(), m.end(), "severe"))
        elif mm < ap["relative_mm"]:
            out.append(_central(m.start(), m.end()))
        else:
            out.append(_central(m.start(), m.end(), negated=True))
        taken.add(m.start(), m.end())
    return out
