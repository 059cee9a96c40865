"""One finding named in a clause, and the negation and severity words around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from radiculog.imaging.vocabulary import load_vocabulary

SEVERITY_ORDER = ("unstated", "mild", "moderate", "severe")
# After a comma these words start a new positive item: "no canal stenosis, mild foraminal narrowing"
_NEW_ITEM = re.compile(
    r",\s*(?:mild|moderate|severe|minimal|small|large|an?|there|left|right|bilateral)\b"
    # "no fracture was noted, L4/5 had a small bulge": a new level starts a new item (issue 21)
    r"|,\s*(?:(?:and|at|but)\s+)?(?:the\s+)?(?:L\s?-?[1-5]|T\s?-?12|S\s?-?1)\b",
    re.I,
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
    severity: str | None = None  # fixed by the wording itself ("AP diameter 3.9 mm": severe)


class Taken:
    """Which characters of a clause already belong to a finding (constant time per check)."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)


def negated_at(text: str, pos: int) -> bool:
    """True when a negation cue before `pos` still covers it (no terminator in between)."""
    vocab = load_vocabulary()
    start = text.find(" ", pos - 400) if pos > 400 else 0  # a clause is rarely longer
    cues = list(vocab.negation_cues.finditer(text, max(start, 0), pos))
    if not cues:
        return False
    between = text[cues[-1].end() : pos]
    return not (vocab.negation_terminators.search(between) or _NEW_ITEM.search(between))


def severity(text: str) -> str:
    found = [name for name, pattern in load_vocabulary().severity if pattern.search(text)]
    return max(found, key=SEVERITY_ORDER.index) if found else "unstated"
