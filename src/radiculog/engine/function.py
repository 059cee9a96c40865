"""Judging function tests: which side is weaker, and whether a side got weaker over time.

The thresholds live in knowledge/method.toml ([weakness]) with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from radiculog.engine.findings import SIDES, Findings, FunctionResult, FunctionValue
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


@cache
def _norms() -> dict[str, int | None]:
    return {t.id: t.deficit_below for t in load_knowledge().home_tests.values()}


@cache
def _age_norms() -> dict[str, tuple[tuple[int, int], ...]]:
    return {t.id: t.deficit_below_by_age for t in load_knowledge().home_tests.values()}


def norm_for(test: str | None, age: int | None = None) -> int | None:
    """The test's deficit_below for this age: the last age band the age has reached
    (home_tests.toml `age_bands`), else the test's own (also for an unknown age)."""
    if not test:
        return None
    norm = _norms().get(test)
    if age is not None:
        for from_age, below in _age_norms().get(test, ()):
            if age >= from_age:
                norm = below
    return norm


def as_word(value: FunctionValue, test: str | None = None, age: int | None = None) -> str | None:
    """A value as a word: 0 reps is "unable", fewer than the test's norm (for the age,
    when given) "weaker", else "normal". Without a test (or a norm) any reps above 0
    read as "normal"."""
    if not isinstance(value, int):
        return value
    if value == 0:
        return "unable"
    norm = norm_for(test, age)
    return "weaker" if norm is not None and value < norm else "normal"


def side_deficit(value: FunctionValue, test: str | None = None, age: int | None = None) -> bool:
    """This side is weak on its own: "unable", "weaker", or fewer reps than the norm.
    Unknown (not tested) is not a deficit: it is simply not known.
    (``as_word(value, test) in ("unable", "weaker")``, inlined: it runs for both sides
    of every test in every assessment.)"""
    if value is None:
        return False
    if not isinstance(value, int):
        return value in ("unable", "weaker")
    if value == 0:
        return True
    norm = norm_for(test, age) if age is not None else _norms().get(test) if test else None
    return norm is not None and value < norm


def is_weaker(
    value: FunctionValue, reference: FunctionValue, test: str | None = None, age: int | None = None
) -> bool:
    """True when ``value`` is clearly weaker than ``reference``.

    Used both side-to-side (weaker leg vs other leg) and over time (latest vs an
    earlier entry). Unknown values never count as weaker. Two counts compare by the
    [weakness] thresholds (and 0 against any reps); a count against a word is read
    as its word (``as_word``), so a number and its word always compare the same way.
    """
    if value is None or reference is None:
        return False
    if isinstance(value, int) and isinstance(reference, int):
        min_stronger, max_ratio, min_difference = _thresholds()
        if value == 0:
            return reference > 0
        return (
            reference >= min_stronger
            and value <= max_ratio * reference
            and reference - value >= min_difference
        )
    word, other = as_word(value, test, age), as_word(reference, test, age)
    assert word is not None and other is not None
    return _WORD_RANK[word] < _WORD_RANK[other]


def weaker_side(result: FunctionResult, age: int | None = None) -> str | None:
    left, right = result.left, result.right
    if left is None or right is None:  # an untested side is never weaker, nor stronger
        return None
    if isinstance(left, int) and isinstance(right, int):  # two counts: is_weaker inlined
        min_stronger, max_ratio, min_difference = _thresholds()
        if left == 0 or right == 0:
            return "left" if right > 0 else "right" if left > 0 else None
        if right >= min_stronger and left <= max_ratio * right and right - left >= min_difference:
            return "left"
        if left >= min_stronger and right <= max_ratio * left and left - right >= min_difference:
            return "right"
        return None
    if is_weaker(left, right, result.test, age):
        return "left"
    if is_weaker(right, left, result.test, age):
        return "right"
    return None


_SIDE_SETS = {
    (False, False): frozenset(),
    (True, False): frozenset(["left"]),
    (False, True): frozenset(["right"]),
    (True, True): frozenset(SIDES),
}


def own_deficit_sides(findings: Findings) -> frozenset[str]:
    """The sides weak on their own on any test (against the test's norm, or a word),
    whatever the other side does: so weakness on both sides is seen."""
    left = right = False
    age = findings.age  # the norm of a test with age bands follows the person's age
    for result in findings.function:
        left = left or side_deficit(result.left, result.test, age)
        right = right or side_deficit(result.right, result.test, age)
    return _SIDE_SETS[left, right]


def deficit_sides(findings: Findings) -> frozenset[str]:
    """The sides with weakness on any test: weaker than the other side, or weak on
    its own against the test's norm."""
    return own_deficit_sides(findings).union(s for s in findings.weaker_sides.values() if s)


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
