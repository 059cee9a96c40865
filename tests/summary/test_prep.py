from __future__ import annotations

import pytest

from radiculog.summary.prep import (
    DEFAULT_QUESTIONS,
    Insurance,
    Medication,
    PrepError,
    PrepList,
    WorkDemands,
)


def test_a_filled_prep_list_survives_a_round_trip() -> None:
    prep = PrepList(
        imaging_text="L4-5 left paracentral protrusion contacting the L5 root.",
        medications=(Medication("ibuprofen", "400 mg three times a day", "took the edge off"),),
        work=WorkDemands(
            sitting_hours=7.5, lifting="boxes up to 10 kg", driving="1 h", stairs="2 floors"
        ),
        insurance=Insurance(copay="$30", deductible="$500 left", in_network_physio=True),
    )
    assert PrepList.from_dict(prep.to_dict()) == prep


def test_a_new_list_carries_the_questions_to_ask_a_clinic() -> None:
    prep = PrepList()
    assert prep.is_empty()
    assert prep.questions == DEFAULT_QUESTIONS
    assert any("cost" in q for q in prep.questions)


def test_an_unknown_field_is_named() -> None:
    with pytest.raises(PrepError) as info:
        PrepList.from_dict({"imaging": "x"})
    assert info.value.field == "imaging"
    assert "imaging_text" in str(info.value)


def test_sitting_hours_beyond_a_day_are_refused() -> None:
    with pytest.raises(PrepError) as info:
        PrepList.from_dict({"work": {"sitting_hours": 30}})
    assert info.value.field == "work.sitting_hours"
