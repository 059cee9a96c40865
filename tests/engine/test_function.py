"""How a weaker side is judged from rep counts and words (knowledge/method.toml [weakness])."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.engine.findings import FunctionResult
from radiculog.engine.function import comparable, is_weaker, weaker_side
from tests.conftest import findings


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


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.integers(0, 200), st.sampled_from(["normal", "weaker", "unable"]), st.none()),
    st.one_of(st.integers(0, 200), st.sampled_from(["normal", "weaker", "unable"]), st.none()),
    st.sampled_from(["toe_lift", "calf_raise", "step_down", "heel_walk"]),
)
def test_the_weaker_side_is_the_side_is_weaker_names(
    left: object, right: object, test: str
) -> None:
    """weaker_side has a fast path for two counts; it must agree with is_weaker both ways."""
    result = FunctionResult(test, left, right)  # type: ignore[arg-type]
    expected = (
        "left"
        if is_weaker(left, right, test)  # type: ignore[arg-type]
        else "right"
        if is_weaker(right, left, test)  # type: ignore[arg-type]
        else None
    )
    assert weaker_side(result) == expected


# --- Issue 18 class 7: the calf-raise norm follows published age bands. ---


@pytest.mark.parametrize(
    ("reps", "age", "deficit"),
    [
        (8, 82, False),  # 8 rises at 82: within the oldest band's norm (below 6 is weak)
        (5, 82, True),
        (8, 30, True),  # the same 8 at 30: well below Lunsford and Perry's 25
        (11, 30, True),  # below the under-60 cut of 12
        (12, 30, False),
        (9, 65, True),  # from 60 the cut is 10
        (9, None, True),  # an unknown age keeps the test's own cut (10)
        (10, None, False),
    ],
)
def test_the_calf_raise_norm_follows_the_age_band(
    reps: int, age: int | None, deficit: bool
) -> None:
    from radiculog.engine.function import side_deficit

    assert side_deficit(reps, "calf_raise", age) is deficit
    doc = findings(function=[{"test": "calf_raise", "left": reps, "right": reps}])
    if age is not None:
        doc["age"] = age
    both = "both_legs_weak_known" in {r.id for r in radiculog.assess(doc).urgency.reasons}
    assert both is deficit  # the same reading decides the both-sides rule
