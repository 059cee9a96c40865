"""A drop seen on both sides of a home test (method.toml [trend_series]
both_sides_drop_*): smaller than the one-side [weakness] rule, it is still both
legs getting weaker, which the existing rules make an emergency (girft2023)."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.engine.knowledge import load_knowledge
from tests.conftest import findings
from tests.engine.test_trend import log

K = load_knowledge()
SERIES = K.method["trend_series"]
DIRECTION_RANK = {"improving": 0, "stable": 1, "worsening": 2}


def function_item(name: str, left: Any, right: Any) -> list[dict[str, Any]]:
    return [{"test": name, "left": left, "right": right}]


def toes(left: Any, right: Any) -> list[dict[str, Any]]:
    return function_item("toe_lift", left, right)


def directions(a: Any) -> dict[str, str]:
    return {c.side: c.direction for c in a.trend.function_changes}


def lowest_drop(best: int) -> int:
    """The highest newest count that is a drop from ``best`` by the knowledge's cut."""
    by_ratio = math.floor(SERIES["both_sides_drop_max_ratio"] * best)
    return min(best - SERIES["both_sides_drop_min_reps"], by_ratio)


def test_the_cut_is_judgement_data_in_the_knowledge() -> None:
    assert SERIES["both_sides_drop_min_reps"] >= 1
    assert 0 < SERIES["both_sides_drop_max_ratio"] < 1
    assert "radiculog_method" in SERIES["sources"]
    assert K.version >= "2026.3"


def test_toe_lifts_10_to_8_on_both_sides_is_both_legs_weakening_an_emergency() -> None:
    a = radiculog.trend(log(findings(function=toes(10, 10)), findings(function=toes(8, 8))))
    assert a.trend is not None and a.trend.function == "worsening"
    assert directions(a) == {"left": "worsening", "right": "worsening"}
    ids = {r.id for r in a.urgency.reasons}
    assert {"trend_weaker_both_sides", "trend_weaker_toe_lift_left"} <= ids
    assert a.urgency.tier == K.method["trend_series"]["function_worsening_both_sides_tier"]
    assert a.urgency.tier == "emergency" and "cauda equina" in a.card.tell


def test_one_rep_fewer_on_both_sides_is_not_a_drop() -> None:
    a = radiculog.trend(log(findings(function=toes(10, 10)), findings(function=toes(9, 9))))
    assert a.trend and a.trend.function == "stable" and a.urgency.tier == "watchful"


def test_the_same_drop_on_one_side_only_keeps_the_one_side_rule() -> None:
    a = radiculog.trend(log(findings(function=toes(10, 10)), findings(function=toes(10, 8))))
    assert a.trend and a.trend.function == "stable" and a.urgency.tier == "watchful"


def test_the_drop_is_from_each_sides_own_best_not_the_first() -> None:
    entries = [findings(function=toes(n, n)) for n in (8, 10, 8)]
    a = radiculog.trend(log(*entries))
    assert directions(a) == {"left": "worsening", "right": "worsening"}
    assert a.urgency.tier == "emergency"
    assert {c.best for c in a.trend.function_changes} == {10}  # what the reason shows
    assert any("10 at best" in r.text for r in a.urgency.reasons)


def test_a_small_drop_on_one_side_and_a_large_one_on_the_other_is_both_legs() -> None:
    one = radiculog.trend(log(findings(function=toes(10, 10)), findings(function=toes(10, 5))))
    both = radiculog.trend(log(findings(function=toes(10, 10)), findings(function=toes(8, 5))))
    assert one.urgency.tier == "urgent"  # the right side alone, by the [weakness] rule
    assert both.urgency.tier == "emergency"


def calf_log(*pairs: tuple[int, int]) -> Any:
    return trend_of("calf_raise", list(pairs))


def test_the_boundary_follows_the_knowledge() -> None:
    """Calf raises from 20 (above every norm): the cut's own edge, read from the data."""
    edge = lowest_drop(20)
    assert 20 - edge < 5  # under the one-side [weakness] rule's drop, so only this rule
    at_edge = calf_log((20, 20), (edge, edge))
    above = calf_log((20, 20), (edge + 1, edge + 1))
    assert at_edge.trend and at_edge.trend.function == "worsening"
    assert above.trend and above.trend.function == "stable"


def test_words_are_not_read_as_a_drop() -> None:
    a = radiculog.trend(
        log(
            findings(function=toes("normal", "normal")), findings(function=toes("normal", "normal"))
        )
    )
    assert a.trend and a.trend.function == "stable"


# --- Property: a lower value never gives a better trend. ---

TESTS = list(K.home_tests)
COUNTS = st.integers(0, 30)
BY = st.integers(1, 12)


@st.composite
def two_sided_logs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    test = draw(st.sampled_from(TESTS))
    values = draw(st.lists(st.tuples(COUNTS, COUNTS), min_size=2, max_size=4))
    return test, values


def trend_of(test: str, values: list[tuple[int, int]]) -> Any:
    entries = [findings(function=function_item(test, left, right)) for left, right in values]
    return radiculog.trend(log(*entries))


def rank(tier: str) -> int:
    return K.tiers[tier].rank


@settings(max_examples=300, deadline=None)
@given(two_sided_logs(), st.sampled_from(["left", "right"]), st.integers(1, 30))
def test_a_lower_newest_value_never_gives_that_side_a_better_direction(
    case: tuple[str, list[tuple[int, int]]], side: str, by: int
) -> None:
    test, values = case
    left, right = values[-1]
    lower = (max(0, left - by), right) if side == "left" else (left, max(0, right - by))
    before = directions(trend_of(test, values))[side]
    after = directions(trend_of(test, [*values[:-1], lower]))[side]
    assert DIRECTION_RANK[after] >= DIRECTION_RANK[before]


@settings(max_examples=300, deadline=None)
@given(two_sided_logs(), BY)
def test_lower_newest_values_on_both_sides_never_give_a_better_trend_or_tier(
    case: tuple[str, list[tuple[int, int]]], by: int
) -> None:
    """Both sides of the newest entry lower by the same count. (One side alone can undo
    the other side's new asymmetry, a relative rule: lowering the stronger side of
    (0, 1) after (0, 0) to (0, 0) reads less urgent. That is older than this rule and
    is listed in hazard H9.)"""
    test, values = case
    left, right = values[-1]
    assume(min(left, right) >= by)
    before = trend_of(test, values)
    after = trend_of(test, [*values[:-1], (left - by, right - by)])
    assert DIRECTION_RANK[after.trend.function] >= DIRECTION_RANK[before.trend.function]
    assert rank(after.urgency.tier) >= rank(before.urgency.tier)
