"""Answers that other findings contradict: the more urgent reading wins (issue 18, class 3).

Cases drawn from GIRFT 2023's "new or deteriorating within the last 14 days" (bilateral
radicular symptoms, severe or progressive deficit -> immediate referral) and NHS Lothian
RefHelp / Stewart 2008 (acute foot drop is new weakness).
"""

from __future__ import annotations

from typing import Any

import pytest

import radiculog
from radiculog.engine import rereading
from radiculog.engine.knowledge import load_knowledge
from radiculog.engine.red_flags import facts
from tests.conftest import SAFETY_NO

K = load_knowledge()
WEAK_LEFT = [{"test": "heel_walk", "left": "unable", "right": "normal"}]
WEAK_BOTH = [{"test": "heel_walk", "left": "unable", "right": "unable"}]
BOTH_LEGS = [{"region": "calf", "side": "left"}, {"region": "calf", "side": "right"}]


def doc(answers: dict[str, bool] | None = None, **parts: Any) -> dict[str, Any]:
    return {
        "schema": "radiculog/findings@2",
        "answers": {**SAFETY_NO, **(answers or {})},
        **parts,
    }


def urgency(d: dict[str, Any]) -> tuple[str, dict[str, str]]:
    u = radiculog.assess(d).urgency
    return u.tier, {r.id: r.text for r in u.reasons}


def test_weakness_on_tests_within_14_days_is_new_although_answered_not_new() -> None:
    # Answered "not new" and 60 days since onset: the person is believed (soon).
    assert urgency(doc(function=WEAK_LEFT, days_since_onset=60))[0] == "soon"
    tier, reasons = urgency(doc(function=WEAK_LEFT, days_since_onset=5))
    assert tier == "urgent"
    text = reasons["reread_weakness_new_on_tests"]
    assert "answered that the weakness is not new" in text and "5 days ago" in text
    assert "GIRFT 2023" in text


def test_weakness_getting_worse_over_days_is_deterioration_when_new_is_answered_no() -> None:
    d = doc({"weakness_progressive": True}, function=WEAK_BOTH, days_since_onset=60)
    tier, reasons = urgency(d)
    # Both legs weak and getting worse: GIRFT's progressive bilateral deficit.
    assert tier == "emergency"
    assert "getting worse over days" in reasons["reread_both_legs_weak_new"]


def test_marks_on_both_legs_within_14_days_are_new_both_legs_symptoms() -> None:
    assert urgency(doc(pain=BOTH_LEGS, days_since_onset=20))[0] == "watchful"
    tier, reasons = urgency(doc(pain=BOTH_LEGS, days_since_onset=3))
    assert tier == "emergency"
    assert "both legs on the body map" in reasons["reread_both_legs"]
    assert "3 days ago" in reasons["reread_both_legs"]


def test_both_legs_marked_unanswered_within_14_days_is_an_emergency_not_urgent() -> None:
    answers = {k: v for k, v in SAFETY_NO.items() if k != "both_legs"}
    d = {"schema": "radiculog/findings@2", "answers": answers, "pain": BOTH_LEGS}
    assert urgency(d)[0] == "urgent"  # no onset given: the unanswered rule
    assert urgency({**d, "days_since_onset": 10})[0] == "emergency"


def test_numbness_marked_on_both_legs_with_weakness_getting_worse_is_an_emergency() -> None:
    sensory = [{"region": "sole", "side": "left"}, {"region": "sole", "side": "right"}]
    d = doc({"weakness_progressive": True}, sensory=sensory, days_since_onset=90)
    tier, reasons = urgency(d)
    assert tier == "emergency"
    assert "getting worse over days" in reasons["reread_both_legs"]


def test_both_legs_weak_on_tests_within_14_days_is_an_emergency() -> None:
    tier, reasons = urgency(doc(function=WEAK_BOTH, days_since_onset=6))
    assert tier == "emergency"
    assert {"reread_both_legs", "reread_both_legs_weak_new"} & reasons.keys()


def test_foot_drop_contradicts_no_new_weakness() -> None:
    d = doc({"foot_drop_new": True}, function=WEAK_BOTH, days_since_onset=60)
    tier, reasons = urgency(d)
    assert tier == "emergency"  # not both_legs_weak_known (soon)
    assert "foot has started to slap down" in reasons["reread_both_legs_weak_new"]


def test_a_contradicted_no_reaches_the_combination_rules() -> None:
    # NICE NG234: past cancer with a new deficit is an emergency (MSCC).
    d = doc({"cancer_history": True}, function=WEAK_LEFT, days_since_onset=7)
    tier, reasons = urgency(d)
    assert tier == "emergency"
    assert "reread_cancer_with_new_deficit" in reasons


def test_the_saddle_marked_against_a_no_names_both() -> None:
    d = doc(sensory=[{"region": "saddle", "kind": "numb"}])
    tier, reasons = urgency(d)
    assert tier == "emergency"
    assert "saddle_marked" in reasons  # the map's own rule still fires
    assert "answered no to numbness between the legs" in reasons["reread_saddle_numbness"]


def test_no_disagreement_without_its_evidence() -> None:
    # Within 14 days but no weakness on tests: "not new" is not contradicted.
    assert urgency(doc(days_since_onset=3))[0] == "watchful"
    # One leg marked within 14 days: no both-legs reading.
    assert urgency(doc(pain=BOTH_LEGS[:1], days_since_onset=3))[0] == "watchful"


def test_the_disagreements_file_uses_known_questions_facts_and_sources() -> None:
    rules = rereading.rules()
    fact_names = {"onset_within_days"} | {f for r in K.rules for f in r.when_facts}
    fact_names |= {"second_leg_new"}
    for d in rules.disagreements:
        assert d.question in K.questions, d.id
        assert d.when_yes <= K.questions.keys(), d.id
        assert d.when_facts <= fact_names | facts(radiculog.parse_findings(doc())), d.id
        assert d.sources and set(d.sources) <= K.sources.keys(), d.id
        assert d.said.strip()
    assert rules.new_within_days == K.method["log"]["window_days"] == 14


@pytest.mark.parametrize("bad", [["yes"], ["no", "maybe"]])
def test_a_disagreement_may_only_override_no_or_unanswered(bad: list[str]) -> None:
    raw = {
        "new_within_days": 14,
        "disagreement": [
            {"id": "x", "question": "both_legs", "overrides": bad, "said": "s", "sources": []}
        ],
    }
    with pytest.raises(ValueError, match="overrides only"):
        rereading._parse(raw)


def test_catching_toes_contradict_no_new_weakness() -> None:
    d = doc({"toes_catching": True}, function=WEAK_BOTH, days_since_onset=60)
    tier, reasons = urgency(d)
    assert tier == "emergency"  # not both_legs_weak_known (soon)
    assert "toes catch" in reasons["reread_both_legs_weak_new"]
