from __future__ import annotations

import pytest

from radiculog.summary.prep import (
    LEGACY_DEFAULTS,
    Insurance,
    Medication,
    PrepError,
    PrepList,
    WorkDemands,
    asks_about_insurance_plan,
    suggested_questions,
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


def test_a_new_list_holds_no_question_the_person_did_not_write() -> None:
    assert PrepList().questions == () and PrepList().is_empty()
    assert PrepList.from_dict({}).questions == ()


def test_untouched_old_defaults_are_dropped_and_own_questions_kept() -> None:
    stored = {"questions": [*LEGACY_DEFAULTS, "Can I keep driving?"]}
    assert PrepList.from_dict(stored).questions == ("Can I keep driving?",)
    own = {"questions": ["How long is the examination?"]}  # one the person kept on purpose
    assert PrepList.from_dict(own).questions == ("How long is the examination?",)


@pytest.mark.parametrize("region", ["uk", "eu"])
def test_no_us_insurance_words_outside_the_us(region: str) -> None:
    words = " ".join(suggested_questions(region)).lower()
    assert not any(w in words for w in ("copay", "deductible", "network"))
    assert not asks_about_insurance_plan(region)
    assert asks_about_insurance_plan("us") and "network" in " ".join(suggested_questions("us"))


def test_an_unknown_field_is_named() -> None:
    with pytest.raises(PrepError) as info:
        PrepList.from_dict({"imaging": "x"})
    assert info.value.field == "imaging"
    assert "imaging_text" in str(info.value)


def test_sitting_hours_beyond_a_day_are_refused() -> None:
    with pytest.raises(PrepError) as info:
        PrepList.from_dict({"work": {"sitting_hours": 30}})
    assert info.value.field == "work.sitting_hours"
