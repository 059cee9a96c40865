"""Typed findings: what a person reports at one moment (the findings contract)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")
_set = object.__setattr__


class once(Generic[_T]):
    """A value computed on first read and kept on the instance, like
    functools.cached_property without the lock Python 3.11 takes on every first read
    (Python 3.12 dropped it too: two threads racing would only compute the same value)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> once[_T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> once[_T] | _T:
        if obj is None:
            return self
        # A non-data descriptor: once the value is on the instance, reads find it there
        # and never call this again. (object.__setattr__ passes the frozen dataclass's
        # guard and, unlike writing to obj.__dict__, does not make Python 3.11 build a
        # dict for an instance whose attributes it keeps inline.)
        value = self.compute(obj)
        _set(obj, self.name, value)
        return value


class Answer(Enum):
    """A yes/no question's state. Unanswered is its own value, never read as no."""

    YES = "yes"
    NO = "no"
    UNANSWERED = "unanswered"


# Plain names for the members: in Python 3.11 `Answer.YES` is a descriptor lookup about
# ten times the cost of a global, and answers are read for every entry of every log.
YES, NO, UNANSWERED = Answer.YES, Answer.NO, Answer.UNANSWERED


SIDES = ("left", "right")
_SIDE, _REGION = attrgetter("side"), attrgetter("region")

# A function-test value: reps done well (int) or one of these words.
FUNCTION_WORDS = ("normal", "weaker", "unable")
FunctionValue = int | str | None


@dataclass(frozen=True)
class Region:
    region: str
    side: str | None  # None only for "saddle"


@dataclass(frozen=True)
class Sensory:
    region: str
    side: str | None
    kind: str | None = None  # "numb" | "tingling"
    repeatable: bool | None = None


@dataclass(frozen=True)
class FunctionResult:
    test: str
    left: FunctionValue = None
    right: FunctionValue = None

    def value(self, side: str) -> FunctionValue:
        return self.left if side == "left" else self.right


@dataclass(frozen=True)
class Reflex:
    reflex: str
    side: str
    result: str  # normal | reduced | absent | brisk


@dataclass(frozen=True)
class Provocation:
    test: str
    side: str
    result: str  # positive | negative


@dataclass(frozen=True)
class Findings:
    answers: dict[str, Answer] = field(default_factory=dict)
    pain: tuple[Region, ...] = ()
    sensory: tuple[Sensory, ...] = ()
    function: tuple[FunctionResult, ...] = ()
    reflexes: tuple[Reflex, ...] = ()
    provocation: tuple[Provocation, ...] = ()
    age: int | None = None
    days_since_onset: int | None = None
    notes: str | None = None

    @once
    def weaker_sides(self) -> dict[str, str | None]:
        """Test id -> the clearly weaker side (or None), judged once per findings."""
        from radiculog.engine.function import weaker_side

        age = self.age  # a count is read against the norm for the person's age
        return {result.test: weaker_side(result, age) for result in self.function}

    @once
    def yes(self) -> frozenset[str]:
        """The questions answered yes."""
        return frozenset([q for q, answer in self.answers.items() if answer is YES])

    @once
    def no(self) -> frozenset[str]:
        """The questions answered no (unanswered ones are in neither set)."""
        return frozenset([q for q, answer in self.answers.items() if answer is NO])

    @once
    def leg_regions(self) -> frozenset[str]:
        """Regions marked (pain or changed feeling) with a side: all but the saddle."""
        return frozenset([r.region for r in self.pain if r.side is not None]).union(
            [s.region for s in self.sensory if s.side is not None]
        )

    @once
    def leg_marks(self) -> tuple[int, int]:
        """(left, right): how many pain and changed-feeling marks with that side, the low
        back left out (not a leg). Counted without a Python step per mark."""
        marked = self.marked()
        sides = list(map(_SIDE, marked))
        left, right = sides.count("left"), sides.count("right")
        if "low_back" in map(_REGION, marked):  # rare: take its marks off again
            for item in marked:
                if item.region == "low_back" and item.side is not None:
                    left, right = (left - 1, right) if item.side == "left" else (left, right - 1)
        return left, right

    def marked(self) -> tuple[Region | Sensory, ...]:
        """Every pain and changed-feeling region marked on the body map."""
        return (*self.pain, *self.sensory)

    def answer(self, question: str) -> Answer:
        return self.answers.get(question, UNANSWERED)


def answer_sets_known(findings: Findings, yes: frozenset[str], no: frozenset[str]) -> Findings:
    """The same findings with their yes and no sets given by whoever read the answers
    (the parser sorts them as it goes): they must be the sets ``yes`` and ``no`` compute
    (a test checks that the parser's are)."""
    _set(findings, "yes", yes)
    _set(findings, "no", no)
    return findings
