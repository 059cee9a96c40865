"""From findings to the clues the root model weighs: which leg, and each clue once.

The side of the picture comes from where the findings differ between the legs. A finding
on both legs is one clue about the level, not two: it counts once, with less weight
(knowledge/method.toml, both_sides_weight). Findings only on the other leg do not count.
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from radiculog.engine.findings import Findings
from radiculog.engine.function import comparable

BOTH = " (both legs)"
# tuple.__new__ builds a NamedTuple without its Python-level __new__: clues are made for
# every finding of every assessment, and this keeps the field names at no cost.
_new = tuple.__new__
_TEST = attrgetter("test")


class Clue(NamedTuple):
    """One observed finding, ready to weigh: positive, or tested and normal."""

    signal: str  # pain | sensation | function | reflex | provocation
    finding: str
    positive: bool
    side: str | None  # None when tested on both legs and equal, or found on both
    detail: str
    log_weight: float  # 1, or less for a one-off sensation or a both-legs finding


def symptom_side(findings: Findings) -> str | None:
    """The leg the picture is in: marked leg regions, a reduced reflex and a positive
    stretch test count 1 each, a weaker function test 2; the same mark on both legs
    adds to both and so cancels."""
    left, right = findings.leg_marks
    if findings.function:
        weaker = list(findings.weaker_sides.values())
        left, right = left + 2 * weaker.count("left"), right + 2 * weaker.count("right")
    for x in findings.reflexes:
        if x.result == "reduced" or x.result == "absent":
            left, right = (left + 1, right) if x.side == "left" else (left, right + 1)
    for p in findings.provocation:
        if p.result == "positive":
            left, right = (left + 1, right) if p.side == "left" else (left, right + 1)
    if left == right:
        return "both" if left else None
    return "left" if left > right else "right"


def _once(
    by_side: dict[str, tuple[bool, str]], sides: tuple[str, ...]
) -> tuple[bool, str | None, str, bool] | None:
    """(positive, side, detail, on both legs) for one finding seen per side, or None.

    A positive result wins over a normal one on the other leg (the asymmetry is the
    clue); a positive on both legs is marked as such."""
    chosen = [s for s in sides if s in by_side]
    if not chosen:
        return None
    positive_sides = [s for s in chosen if by_side[s][0]]
    if positive_sides:
        side = positive_sides[0]
        other = "right" if side == "left" else "left"
        both = other in by_side and by_side[other][0]
        return True, side, by_side[side][1], both
    side = chosen[0]
    return False, side, by_side[side][1], False


def clues(
    findings: Findings, side: str | None, weight_once: float, weight_both: float
) -> list[Clue]:
    """Every finding on the chosen leg(s) once, in a fixed order: pain regions and
    changed-feeling regions (each alphabetically), function tests, reflexes, stretch tests."""
    sides = ("left", "right") if side is None or side == "both" else (side,)
    out: list[Clue] = []
    # Pain and changed feeling are always positive: a bit per leg (1 left, 2 right) is enough.
    want = 3 if len(sides) == 2 else 1 if side == "left" else 2
    pain: dict[str, int] = {}
    for r in findings.pain:
        if r.side is not None:
            pain[r.region] = pain.get(r.region, 0) | (1 if r.side == "left" else 2)
    for region in sorted(pain):
        legs = pain[region]
        if legs == 3:
            out.append(_new(Clue, ("pain", region, True, None, BOTH, weight_both)))
        elif legs & want:
            leg = "left" if legs == 1 else "right"
            out.append(_new(Clue, ("pain", region, True, leg, "", 1.0)))
    sensory: dict[str, list[bool | None]] = {}  # region -> [left, right]: repeatable or not
    for s in findings.sensory:
        if s.side is not None:
            legs_seen = sensory.setdefault(s.region, [None, None])
            at = 0 if s.side == "left" else 1
            legs_seen[at] = bool(s.repeatable) or bool(legs_seen[at])
    for region in sorted(sensory):
        left, right = sensory[region]
        mine = [v for v, bit in ((left, 1), (right, 2)) if v is not None and bit & want]
        if not mine:
            continue
        weight = 1.0 if any(mine) else weight_once
        first = "left" if left is not None and want & 1 else "right"
        detail = "repeatable" if (left if first == "left" else right) else "once"
        if left is not None and right is not None:
            both_legs = ("sensation", region, True, None, detail + BOTH, weight * weight_both)
            out.append(_new(Clue, both_legs))
        else:
            out.append(_new(Clue, ("sensation", region, True, first, detail, weight)))
    weaker = findings.weaker_sides
    for result in sorted(findings.function, key=_TEST):  # any order in, one out
        weak = weaker[result.test]
        if weak is not None:
            if weak in sides:
                weak_value, other = (
                    (result.left, result.right) if weak == "left" else (result.right, result.left)
                )
                detail = f"weaker on the {weak} ({weak_value} vs {other})"
                out.append(_new(Clue, ("function", result.test, True, weak, detail, 1.0)))
        elif comparable(result):  # and neither side weaker: equal
            detail = f"equal on both sides ({result.left} and {result.right})"
            out.append(_new(Clue, ("function", result.test, False, None, detail, 1.0)))
    if findings.reflexes:  # clinician findings: most documents have none
        reflexes: dict[str, dict[str, tuple[bool, str]]] = {}
        for x in findings.reflexes:
            if x.result != "brisk":  # a brisk reflex points away from a root (other explanations)
                reflexes.setdefault(x.reflex, {})[x.side] = (x.result != "normal", x.result)
        for reflex in sorted(reflexes):
            _add(out, "reflex", reflex, reflexes[reflex], sides, weight_both)
    if findings.provocation:
        stretch: dict[str, dict[str, tuple[bool, str]]] = {}
        for p in findings.provocation:
            stretch.setdefault(p.test, {})[p.side] = (p.result == "positive", p.result)
        for test in sorted(stretch):
            _add(out, "provocation", test, stretch[test], sides, weight_both)
    return out


def _add(
    out: list[Clue],
    signal: str,
    finding: str,
    by_side: dict[str, tuple[bool, str]],
    sides: tuple[str, ...],
    weight_both: float,
) -> None:
    """A reflex or stretch test, once (a positive on both legs as one weaker clue)."""
    seen = _once(by_side, sides)
    if seen is None:
        return
    positive, at, detail, both = seen
    if both:
        out.append(_new(Clue, (signal, finding, positive, None, detail + BOTH, weight_both)))
    else:
        out.append(_new(Clue, (signal, finding, positive, at, detail, 1.0)))
