from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radiculog.summary.labels import SLEEP_LABELS
from radiculog.summary.measures import (
    DailyMeasures,
    MeasureError,
    measures_of,
    parse_line,
    strip_measures,
    with_measures,
)

measures = st.builds(
    DailyMeasures,
    pain=st.none() | st.integers(0, 10),
    sleep=st.none() | st.sampled_from(sorted(SLEEP_LABELS)),
    walk_minutes=st.none() | st.integers(0, 1440),
    leg_pain=st.none() | st.integers(0, 10),
    back_pain=st.none() | st.integers(0, 10),
    painkillers=st.none() | st.integers(0, 30),
)


@given(
    measures,
    st.text(max_size=80).filter(lambda t: not t.startswith(("Pain", "Leg", "Back", "As-"))),
)
def test_measures_survive_the_notes_round_trip(m: DailyMeasures, rest: str) -> None:
    notes = with_measures(rest, m)
    assert measures_of({"notes": notes}) == m
    assert strip_measures(notes) == rest.strip() or m == DailyMeasures()


def test_the_line_reads_as_plain_words() -> None:
    line = DailyMeasures(pain=6, sleep="woken", walk_minutes=8).to_line()
    assert line == "Pain 6/10. Sleep: woke with pain. Walked 8 minutes."


def test_rewriting_measures_replaces_the_old_line_and_keeps_the_rest() -> None:
    notes = with_measures("stiff in the morning", DailyMeasures(pain=3))
    notes = with_measures(notes, DailyMeasures(pain=7))
    assert notes == "Pain 7/10.\nstiff in the morning"


def test_notes_without_measures_give_nothing() -> None:
    assert measures_of({"notes": "Pain is bad today"}) == DailyMeasures()
    assert measures_of({}) == DailyMeasures()


def test_a_pain_above_ten_in_free_text_is_not_read_as_a_score() -> None:
    assert parse_line("Pain 12/10.").pain is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"pain": 11}, "pain"), ({"sleep": "fine"}, "sleep"), ({"walk_minutes": -1}, "walk_minutes")],
)
def test_bad_measures_name_the_field_and_what_is_allowed(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(MeasureError) as info:
        DailyMeasures(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert field in str(info.value) and "expected" in str(info.value)


def test_leg_and_back_pain_and_painkillers_read_as_plain_words() -> None:
    line = DailyMeasures(leg_pain=6, back_pain=2, painkillers=3).to_line()
    assert line == "Leg pain 6/10. Back pain 2/10. As-needed painkillers: 3."
    assert parse_line(line) == DailyMeasures(leg_pain=6, back_pain=2, painkillers=3)
    assert parse_line(line).pain is None  # "Leg pain 6/10." is not an overall pain score


def test_a_painkiller_count_out_of_range_names_the_field() -> None:
    with pytest.raises(MeasureError) as info:
        DailyMeasures(painkillers=31)
    assert info.value.field == "painkillers"
