"""Typed findings: what a person reports at one moment (the findings contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property


class Answer(Enum):
    """A yes/no question's state. Unanswered is its own value, never read as no."""

    YES = "yes"
    NO = "no"
    UNANSWERED = "unanswered"


# Plain names for the members: in Python 3.11 `Answer.YES` is a descriptor lookup about
# ten times the cost of a global, and answers are read for every entry of every log.
YES, NO, UNANSWERED = Answer.YES, Answer.NO, Answer.UNANSWERED


SIDES = ("left", "right")

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

    @cached_property
    def weaker_sides(self) -> dict[str, str | None]:
        """Test id -> the clearly weaker side (or None), judged once per findings."""
        from radiculog.engine.function import weaker_side

        return {result.test: weaker_side(result) for result in self.function}

    @cached_property
    def _yes_no(self) -> tuple[frozenset[str], frozenset[str]]:
        yes, no = [], []
        for question, answer in self.answers.items():
            if answer is YES:
                yes.append(question)
            elif answer is NO:
                no.append(question)
        return frozenset(yes), frozenset(no)

    @property
    def yes(self) -> frozenset[str]:
        """The questions answered yes."""
        return self._yes_no[0]

    @property
    def no(self) -> frozenset[str]:
        """The questions answered no (unanswered ones are in neither set)."""
        return self._yes_no[1]

    @cached_property
    def leg_regions(self) -> frozenset[str]:
        """Regions marked (pain or changed feeling) with a side: all but the saddle."""
        return frozenset([r.region for r in self.pain if r.side is not None]).union(
            [s.region for s in self.sensory if s.side is not None]
        )

    def marked(self) -> tuple[Region | Sensory, ...]:
        """Every pain and changed-feeling region marked on the body map."""
        return (*self.pain, *self.sensory)

    def answer(self, question: str) -> Answer:
        return self.answers.get(question, UNANSWERED)
