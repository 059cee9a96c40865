"""Real change vs noise, tested from the source figures (knowledge/outcomes.toml):
leg pain SDC 3.7 and back pain 3.6 (Parai 2020), RMDQ 5 (Stratford 1996)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radiculog.summary.measures import DailyMeasures
from radiculog.summary.outcomes import (
    NOISE,
    change_of,
    measures,
    outcome_sentences,
    rmdq,
    rmdq_score,
    sentence,
)

T0 = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def log_of(*daily: DailyMeasures) -> dict[str, Any]:
    return {
        "schema": "radiculog/log@1",
        "entries": [
            {"at": (T0 + timedelta(hours=12 * n)).isoformat(), "findings": {"notes": d.to_line()}}
            for n, d in enumerate(daily)
        ],
    }


def test_the_source_figures_are_the_published_ones() -> None:
    m = measures()
    assert (m["leg_pain"].sdc, m["back_pain"].sdc, m["rmdq"].sdc) == (3.7, 3.6, 5)
    assert m["leg_pain"].sources == ("parai2020",)


@pytest.mark.parametrize(
    ("first", "latest", "real"),
    [(7, 4, False), (7, 3, True), (2, 6, True), (5, 5, False), (8, 5, False), (9, 5, True)],
)
def test_leg_pain_counts_as_real_only_beyond_3_7_points(
    first: int, latest: int, real: bool
) -> None:
    text = outcome_sentences(log_of(DailyMeasures(leg_pain=first), DailyMeasures(leg_pain=latest)))
    assert text[0].startswith(f"Leg pain {first} → {latest} of 10")
    assert (NOISE in text[0]) is (not real)
    assert "3.7" in text[0] and "Parai 2020" in text[0]
    if real:
        assert ("better" if latest < first else "worse") in text[0]


def test_back_pain_uses_its_own_figure() -> None:
    text = outcome_sentences(log_of(DailyMeasures(back_pain=6), DailyMeasures(back_pain=2)))
    assert "better by 4 points" in text[0] and "3.6" in text[0]


@pytest.mark.parametrize(("first", "latest", "real"), [(14, 9, False), (14, 8, True), (3, 9, True)])
def test_rmdq_counts_as_real_only_beyond_5_points(first: int, latest: int, real: bool) -> None:
    scores = [(T0, first), (T0 + timedelta(days=7), latest)]
    text = outcome_sentences(log_of(), scores)
    assert text[0].startswith(f"Roland-Morris disability score {first} → {latest} of 24")
    assert (NOISE in text[0]) is (not real) and "Stratford 1996" in text[0]


@given(st.integers(0, 10), st.integers(0, 10))
def test_a_change_is_real_exactly_when_larger_than_the_sdc(first: int, latest: int) -> None:
    m = measures()["leg_pain"]
    change = change_of(m, [(T0, first), (T0 + timedelta(days=1), latest)])
    assert change is not None
    assert change.real is (abs(latest - first) > 3.7)
    assert (NOISE in sentence(change)) is (abs(latest - first) <= 3)


def test_unasked_entries_are_skipped_not_read_as_zero() -> None:
    log = log_of(DailyMeasures(leg_pain=8), DailyMeasures(pain=2), DailyMeasures(leg_pain=7))
    assert outcome_sentences(log)[0].startswith("Leg pain 8 → 7 of 10")


def test_painkillers_are_a_count() -> None:
    log = log_of(DailyMeasures(painkillers=2), DailyMeasures(), DailyMeasures(painkillers=3))
    assert outcome_sentences(log) == [
        "As-needed painkillers: 5 doses over 2 entries (latest entry: 3)."
    ]


def test_the_questionnaire_is_the_24_item_original_and_scores_0_to_24() -> None:
    items = rmdq()["items"]
    assert len(items) == 24 and len(set(items)) == 24
    assert items[0] == "I stay at home most of the time because of my back."
    assert items[-1] == "I stay in bed most of the time because of my back."
    assert rmdq_score([]) == 0 and rmdq_score(range(1, 25)) == 24
    with pytest.raises(ValueError, match="rmdq items"):
        rmdq_score([0])
    with pytest.raises(ValueError, match="rmdq items"):
        rmdq_score([3, 3])
