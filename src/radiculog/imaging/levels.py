"""Find disc levels, level ranges and named nerve roots in report text.

Spellings handled: L4-5, L4-L5, L4/5, L4/L5, L45, L5S1, L4 to L5, L-4-L-5,
L5/Sl (letter l), LWK 5/SWK 1, BWK 12/LWK 1, "lumbosacral junction", ranges
(L3-S1, L1-2 through L3-4) and "L4 on L5". Positions are kept so that the
finding reader can tie each finding to the nearest level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radiculog.imaging.vocabulary import load_vocabulary

# Vertebrae in head-to-tail order. L6 exists only in transitional anatomy, so
# it is used only where the text names it.
VERTEBRAE = ("T12", "L1", "L2", "L3", "L4", "L5", "L6", "S1", "S2")
LEVELS = (
    "T12-L1", "L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-L6", "L5-S1", "L6-S1", "S1-S2",
)  # fmt: skip
CONTRACT_LEVELS = tuple(lv for lv in LEVELS if lv != "L6-S1")

_PREFIX = r"(?P<p>LWK|SWK|BWK|Th|T|L|S)"
# "l" (letter) and "I" (Roman one) stand for 1 only after S: "L5/Sl", "L5-SI" (issue 21)
_NUM = r"(?P<n>1[0-2]|[1-9]|l(?![a-z])|I(?![A-Za-z]))"
_V = rf"{_PREFIX}\s?-?\s?{_NUM}"
_START = r"(?<![A-Za-z0-9])"
_END = r"(?![A-Za-z0-9])"

_SINGLE = re.compile(rf"{_START}{_V}{_END}", re.IGNORECASE)
_SHORT_PAIR = re.compile(
    rf"{_START}{_V}\s?[-–/]\s?(?P<b>1[0-2]|[1-9]|l(?![a-z])|I(?![A-Za-z])){_END}", re.IGNORECASE
)
_COMPACT = re.compile(
    r"(?<![A-Za-z0-9])L(?P<a>[1-5])(?:L?(?P<b>[1-6])|S(?P<s>1))(?![A-Za-z0-9])", re.IGNORECASE
)  # "L45", "L3L4", "L5S1"
# "lumbar 3-lumbar 4", "lumbar 5 to sacral 1": vertebrae written out (issue 21)
_WORDED = re.compile(
    r"\blumbar (?P<a>[1-5])\s?(?:-|–|to)\s?(?:lumbar (?P<b>[1-6])|sacral (?P<s>1))\b", re.IGNORECASE
)
# "between the L3 and L4 vertebral bodies": the disc between two vertebrae named with "and"
_BETWEEN = re.compile(r"\bbetween (?:the )?$", re.IGNORECASE)
_LUMBOSACRAL = re.compile(
    r"\blumbosa[ck]ral(?:e[rn]?)? (?:junction|level|disc|disk|interspace|segment|übergang)\b",
    re.IGNORECASE,
)
_AFTER_CONTACT_VERB = re.compile(
    rf"\b(?:compress\w*|imping\w*(?: on| upon)?|abut\w*|contact\w*|displac\w*|touch\w*|effac\w*)"
    rf"\s+(?:the\s+)?(?:(?:left|right|bilateral)\s+)?(?:{_V}\s*(?:,|and|&|/)\s*)*$",
    re.IGNORECASE,
)
# Words that join two vertebrae into one level or a range of levels.
_JOIN = re.compile(r"^\s*(?:-|–|—|/|to|through|thru|bis|till|until|on)\s*$|^\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LevelMention:
    start: int
    end: int
    levels: tuple[str, ...]  # one level, or several for a range
    supported: bool  # False for thoracic levels above T12-L1


@dataclass(frozen=True)
class VertebraMention:
    start: int
    end: int
    vertebra: str
    is_root: bool


def _vertebra(prefix: str, number: str) -> str:
    letter = {"lwk": "L", "swk": "S", "bwk": "T", "th": "T"}.get(prefix.lower(), prefix.upper())
    if number.lower() in ("l", "i"):
        if letter != "S":
            return ""
        number = "1"
    return f"{letter}{int(number)}"


def _index(vertebra: str) -> int:
    return VERTEBRAE.index(vertebra) if vertebra in VERTEBRAE else -1


def levels_between(upper: str, lower: str) -> tuple[str, ...]:
    """Disc levels from vertebra `upper` down to `lower` (L3, S1 -> L3-L4, L4-L5, L5-S1)."""
    uses_l6 = "L6" in (upper, lower)
    chain = [v for v in VERTEBRAE if v != "L6" or uses_l6]
    if upper not in chain or lower not in chain:
        return ()
    i, j = chain.index(upper), chain.index(lower)
    if j <= i:
        return ()
    return tuple(f"{chain[k]}-{chain[k + 1]}" for k in range(i, j))


def _pair_levels(upper: str, lower: str) -> tuple[str, ...]:
    # Thoracic vertebrae other than T12 (and "T1/T2" signal wording) are not lumbar levels.
    return levels_between(upper, lower)


def _mention(start: int, end: int, upper: str, lower: str) -> LevelMention | None:
    found = _pair_levels(upper, lower)
    if not found:
        return None
    return LevelMention(start, end, found, all(lv in CONTRACT_LEVELS for lv in found))


def _pairs(text: str) -> list[LevelMention]:
    out: list[LevelMention] = []
    for m in _COMPACT.finditer(text):
        a = int(m["a"])
        lower = "S1" if m["s"] else f"L{m['b']}"
        if (m["s"] and a != 5) or (not m["s"] and int(m["b"]) != a + 1):
            continue
        if (lv := _mention(m.start(), m.end(), f"L{a}", lower)) is not None:
            out.append(lv)
    for m in _SHORT_PAIR.finditer(text):
        upper = _vertebra(m["p"], m["n"])
        letter = upper[:1]
        second = "1" if m["b"].lower() in ("l", "i") else m["b"]
        if letter == "L" and upper == "L5" and second == "1":
            lower = "S1"  # "L5/1" is L5-S1
        elif letter == "T" and second == "1":
            lower = "L1"
        else:
            lower = f"{letter}{int(second)}"
        if upper and (lv := _mention(m.start(), m.end(), upper, lower)) is not None:
            out.append(lv)
    for m in _WORDED.finditer(text):
        lower = "S1" if m["s"] else f"L{m['b']}"
        if (lv := _mention(m.start(), m.end(), f"L{m['a']}", lower)) is not None:
            out.append(lv)
    for m in _LUMBOSACRAL.finditer(text):
        out.append(LevelMention(m.start(), m.end(), ("L5-S1",), True))
    return out


def _singles(text: str, covered: bytearray) -> list[tuple[int, int, str]]:
    out = []
    for m in _SINGLE.finditer(text):
        v = _vertebra(m["p"], m["n"])
        if v and not any(covered[m.start() : m.end()]):
            out.append((m.start(), m.end(), v))
    return out


def _is_root(text: str, start: int, end: int) -> bool:
    vocab = load_vocabulary()
    after = text[end : end + 60]
    joined = re.match(
        rf"(?:\s*(?:,|and|or|&|/)\s*(?:(?:left|right)\s+)?{_V})*\s*(?:{vocab.root_words.pattern})",
        after,
        re.IGNORECASE,
    )
    before = text[max(0, start - 40) : start]
    prefixed = re.search(
        rf"(?:{vocab.root_prefixes.pattern})\s+(?:(?:left|right|bilateral)\s+)?(?:(?:and|,)\s*)?$",
        before,
        re.IGNORECASE,
    )
    named_after = re.search(
        rf"(?:{vocab.root_words.pattern})\s+(?:(?:left|right)\s+)?$", before, re.I
    )
    # "compressing S1 and S2": a bare vertebra right after a verb that acts on a root (issue 21)
    after_verb = _AFTER_CONTACT_VERB.search(before)
    return bool(joined or prefixed or named_after or after_verb)  # "nerve root L5", "Wurzel S1"


def _join_singles(
    text: str, singles: list[tuple[int, int, str]]
) -> tuple[list[LevelMention], list[VertebraMention]]:
    levels: list[LevelMention] = []
    rest: list[VertebraMention] = []
    i = 0
    while i < len(singles):
        s, e, v = singles[i]
        gap = text[e : singles[i + 1][0]] if i + 1 < len(singles) else ""
        between = bool(_BETWEEN.search(text[max(0, s - 12) : s])) and gap.strip().lower() == "and"
        if i + 1 < len(singles) and (_JOIN.match(gap) or between):
            s2, e2, v2 = singles[i + 1]
            lv = _mention(s, e2, v, v2)
            if lv is not None and not _is_root(text, s2, e2):
                levels.append(lv)
                i += 2
                continue
        rest.append(VertebraMention(s, e, v, _is_root(text, s, e)))
        i += 1
    return levels, rest


def _merge_ranges(text: str, levels: list[LevelMention]) -> list[LevelMention]:
    """'L1-2 through L3-4' -> one mention covering L1-L2, L2-L3, L3-L4."""
    out: list[LevelMention] = []
    for lv in sorted(levels, key=lambda m: m.start):
        prev = out[-1] if out else None
        between = text[prev.end : lv.start] if prev else ""
        if prev and re.fullmatch(r"\s*(?:through|thru|to|bis|-|–)\s*", between, re.IGNORECASE):
            upper = prev.levels[0].split("-")[0]
            lower = lv.levels[-1].split("-")[1]
            span = levels_between(upper, lower)
            if span:
                out[-1] = LevelMention(prev.start, lv.end, span, prev.supported and lv.supported)
                continue
        out.append(lv)
    return out


def find_levels(text: str) -> tuple[list[LevelMention], list[VertebraMention]]:
    """Level mentions (in text order) and the single vertebrae that are not part of a level."""
    pairs = _pairs(text)
    taken: list[LevelMention] = []
    covered = bytearray(len(text))  # characters already part of a level
    for p in sorted(pairs, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(covered[p.start : p.end]):
            taken.append(p)
            covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    joined, rest = _join_singles(text, _singles(text, covered))
    return _merge_ranges(text, taken + joined), rest
