"""Judging function tests: which side is weaker, and whether a side got weaker over time.

The thresholds live in knowledge/method.toml ([weakness]) with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from radiculog.engine.findings import Findings, FunctionResult, FunctionValue
from radiculog.engine.knowledge import load_knowledge

# Order of the word answers, weakest first.
_WORD_RANK = {"unable": 0, "weaker": 1, "normal": 2}


@dataclass(frozen=True)
class Weakness:
    test: str
    weaker_side: str
    left: FunctionValue
    right: FunctionValue


@cache
def _thresholds() -> tuple[int, float, int]:
    rule = load_knowledge().method["weakness"]
    return rule["min_reps_stronger"], rule["max_ratio"], rule["min_difference"]


def is_weaker(value: FunctionValue, reference: FunctionValue) -> bool:
    """True when ``value`` is clearly weaker than ``reference``.

    Used both side-to-side (weaker leg vs other leg) and over time (latest vs
    first entry). Unknown values never count as weaker.
    """
    if value is None or reference is None:
        return False
    if isinstance(value, int) and isinstance(reference, int):
        min_stronger, max_ratio, min_difference = _thresholds()
        return (
            reference >= min_stronger
            and value <= max_ratio * reference
            and reference - value >= min_difference
        )
    if value == "unable":
        return reference != "unable" and (not isinstance(reference, int) or reference > 0)
    if isinstance(value, int):
        # Reps against a word: only "unable" is clearly weaker than reps.
        return False
    if isinstance(reference, int):
        # "weaker" (a word) against a count is a person's judgment of that side.
        return value == "weaker" and reference > 0
    return _WORD_RANK[value] < _WORD_RANK[reference]


def weaker_side(result: FunctionResult) -> str | None:
    if is_weaker(result.left, result.right):
        return "left"
    if is_weaker(result.right, result.left):
        return "right"
    return None


def comparable(result: FunctionResult) -> bool:
    """Both sides tested and not both impaired, so a side-to-side comparison means something."""
    if result.left is None or result.right is None:
        return False
    impaired = ("unable", "weaker")
    return not (result.left in impaired and result.right in impaired)


def weaknesses(findings: Findings) -> list[Weakness]:
    found = []
    sides = findings.weaker_sides
    for result in findings.function:
        side = sides[result.test]
        if side is not None:
            found.append(Weakness(result.test, side, result.left, result.right))
    return found
