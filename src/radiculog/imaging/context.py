"""Where a finding is when its sentence names no disc level, and who "respectively" refers to.

Rules (issue 13), each one small enough to test on its own:
- level context: a level named in a sentence governs the next sentences of its paragraph until
  another level is named, or a sentence speaks of the whole spine ("multilevel", "elsewhere");
- vertebral level: "at the level of L2", "posterior to the L3 vertebral body" places the finding
  at the disc below that vertebra (L2 -> L2-L3), where the root named after it leaves the spine;
- level from a root: "the exiting L4 root" is at L4-L5 (foraminal), "the descending S1 root"
  at L5-S1 (lateral recess);
- respectively: "L4-L5 and L5-S1 ... the L5 & S1 roots respectively" gives L5 to L4-L5 and S1
  to L5-S1.
"""

from __future__ import annotations

import re

from radiculog.imaging.levels import VERTEBRAE, LevelMention, VertebraMention, levels_between
from radiculog.imaging.mention import Mention, negated_at
from radiculog.imaging.vocabulary import load_vocabulary

_EXITING = re.compile(r"\b(?:exiting|existing|exit|abgehende\w*)\W+(?:(?:left|right)\W+)?$", re.I)
_TRAVERSING = re.compile(
    r"\b(?:traversing|transiting|descending|crossing|absteigende\w*)\W+(?:(?:left|right)\W+)?$",
    re.I,
)
_LISTED_ROOTS = re.compile(r"(?:\b[LS]\d\s*(?:,|&|/|\band\b|\bor\b)\s*)+$", re.IGNORECASE)
_DISPLACED = ("sequestration", "extrusion", "protrusion", "herniation")
RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def ends_context(sentence: str) -> bool:
    """A sentence about the whole spine ("multilevel", "remaining levels") ends level context."""
    return bool(load_vocabulary().context_stops.search(sentence))


def _below(vertebra: str) -> tuple[str, ...]:
    chain = [v for v in VERTEBRAE if v != "L6"]
    if vertebra not in chain or chain.index(vertebra) + 1 >= len(chain):
        return ()
    return levels_between(vertebra, chain[chain.index(vertebra) + 1])


def vertebra_levels(sentence: str) -> tuple[str, ...]:
    """'a sequestered disc at the level of L2' -> ('L2-L3',). Only for displaced disc material:
    a Modic change "in the L5 vertebral body" may belong to either disc, so it stays unread."""
    from radiculog.imaging.findings import mentions

    vocab = load_vocabulary()
    for pattern in vocab.vertebra_foramen:  # "the L5 neural foramina": L5-S1, any finding
        m = pattern.search(sentence)
        if m:
            return _below(re.sub(r"[\s-]", "", m["v"]).upper())
    if not any(m.finding in _DISPLACED and not m.negated for m in mentions(sentence)[0]):
        return ()
    for pattern in vocab.vertebra_level:
        m = pattern.search(sentence)
        if m:
            return _below(re.sub(r"[\s-]", "", m["v"]).upper())
    return ()


def root_kind(sentence: str, v: VertebraMention) -> str | None:
    """'exiting' or 'traversing' when the words before a named root say which, else None
    ("the traversing L5 & S1 roots": both traversing)."""
    before = _LISTED_ROOTS.sub("", sentence[max(0, v.start - 50) : v.start])
    if _EXITING.search(before):
        return "exiting"
    if _TRAVERSING.search(before):
        return "traversing"
    return None


_KIND_WORD = re.compile(
    r"\b(?P<k>exiting|existing|exit|traversing|transiting|descending|crossing)\W+(?:(?:left|right|"
    r"bilateral)\W+)?(?:nerve roots?|nerves?|roots?)\b",
    re.IGNORECASE,
)


def unnamed_root_kind(clause: str) -> str | None:
    """'compression of the exiting nerves': which roots, when no root is named by its number."""
    m = _KIND_WORD.search(clause)
    if m is None:
        return None
    return "exiting" if m["k"].lower().startswith("exi") else "traversing"


def root_levels(sentence: str, verts: list[VertebraMention], lo: int, hi: int) -> tuple[str, ...]:
    """The level a named exiting or traversing root gives: exiting L4 -> L4-L5, traversing S1 ->
    L5-S1. Empty when no root in [lo, hi) says which it is."""
    chain = [v for v in VERTEBRAE if v != "L6"]
    for v in verts:
        if not (v.is_root and lo <= v.start < hi and v.vertebra in chain):
            continue
        kind, i = root_kind(sentence, v), chain.index(v.vertebra)
        if kind == "exiting" and i + 1 < len(chain):
            return levels_between(v.vertebra, chain[i + 1])
        if kind == "traversing" and i > 0:
            return levels_between(chain[i - 1], v.vertebra)
    return ()


def respective_roots(
    sentence: str, mentions: list[LevelMention], verts: list[VertebraMention]
) -> dict[str, str]:
    """{level: root} when a sentence pairs as many levels as roots with "respectively"."""
    match = RESPECTIVELY.search(sentence)
    if match is None:
        return {}
    levels = [lv for m in mentions if m.start < match.start() for lv in m.levels]
    roots = [v.vertebra for v in verts if v.is_root and v.start < match.start()]
    roots = list(dict.fromkeys(roots))
    if len(levels) < 2 or len(levels) != len(roots):
        return {}
    return dict(zip(levels, roots, strict=True))


def zone_fits(kind: str | None, zones: list[str]) -> bool:
    """A root said to be traversing does not belong to a foraminal finding, nor an exiting root
    to a central one: "foraminal narrowing and impinging the traversing L5 root" names the root
    of the disc finding before it."""
    rule = load_vocabulary().raw["zone_roots"]
    if kind == "traversing":
        return not zones or any(z in rule["traversing"] for z in zones)
    if kind == "exiting":
        return not zones or any(z in rule["exiting"] for z in zones)
    return True


def root_only_finding(
    sentence: str, verts: list[VertebraMention]
) -> tuple[Mention, tuple[str, ...]] | None:
    """'Compression of the exiting L4 nerve root in the neural exit canal': no finding word and
    no level, but the root gives both: exiting L4 -> L4-L5 foraminal stenosis, descending S1 ->
    L5-S1 lateral recess stenosis. None unless the root is said to be touched and not negated."""
    from radiculog.imaging.findings import contact

    levels = root_levels(sentence, verts, 0, len(sentence))
    if not levels or contact(sentence, True) in (None, "none"):
        return None
    root = next(v for v in verts if v.is_root and root_kind(sentence, v))
    if negated_at(sentence, root.start):
        return None
    exiting = root_kind(sentence, root) == "exiting"
    kind = "foraminal stenosis" if exiting else "lateral recess stenosis"
    position = "foraminal" if exiting else "lateral recess"
    return Mention(kind, 0, 0, True, position=position, words=sentence), levels


def root_at_level(clause: str, level: str, root: str) -> Mention | None:
    """'L4-5: effacement of the left L5 nerve root': a named root touched at a level, with no
    finding word (issue 21). The root that passes the disc (L5 at L4-L5) is touched in the lateral
    recess, the root that leaves (L4) in the foramen; a root of another level gives nothing."""
    upper, lower = level.split("-")
    if root not in (upper, lower):
        return None
    exiting = root == upper
    kind = "foraminal stenosis" if exiting else "lateral recess stenosis"
    position = "foraminal" if exiting else "lateral recess"
    return Mention(kind, 0, 0, True, position=position, words=clause)
