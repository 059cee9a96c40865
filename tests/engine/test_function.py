"""How a weaker side is judged from rep counts and words (knowledge/method.toml [weakness])."""

from __future__ import annotations

import pytest

from radiculog.engine.findings import FunctionResult
from radiculog.engine.function import comparable, is_weaker, weaker_side


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (10, 4, "right"),  # contract example 02
        (2, 20, "left"),  # contract example 03: cannot do a few when the other can
        (18, 17, None),
        (10, 9, None),  # one rep is noise
        (10, 7, "right"),  # 70% and 3 fewer
        (2, 0, "right"),  # 0 is "unable": weaker than any reps, as the word is
        (3, 0, "right"),
        ("normal", "weaker", "right"),
        ("unable", 5, "left"),
        ("weaker", 10, "left"),
        (10, "normal", None),  # reps against "normal" cannot be compared
        ("unable", "unable", None),
        (None, 4, None),
    ],
)
def test_weaker_side(left: object, right: object, expected: str | None) -> None:
    assert weaker_side(FunctionResult("calf_raise", left, right)) == expected  # type: ignore[arg-type]


def test_the_same_rule_judges_getting_weaker_over_time() -> None:
    assert is_weaker(6, 10)
    assert not is_weaker(9, 10)
    assert is_weaker("unable", "weaker")


def test_a_comparison_needs_both_sides_and_no_shared_impairment() -> None:
    assert comparable(FunctionResult("toe_lift", 10, 10))
    assert comparable(FunctionResult("toe_lift", 2, 10))  # comparable, and left is weaker
    assert not comparable(FunctionResult("toe_lift", 10, None))
    assert not comparable(FunctionResult("toe_lift", "weaker", "weaker"))
