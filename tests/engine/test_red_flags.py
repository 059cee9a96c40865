"""Safety rules, each checked against what its source says should happen."""

from __future__ import annotations

import pytest

import radiculog
from radiculog.engine.knowledge import load_knowledge
from tests.conftest import SAFETY_NO, findings


def tier(**parts: object) -> str:
    return radiculog.assess(findings(**parts)).urgency.tier


def reason_ids(**parts: object) -> set[str]:
    return {r.id for r in radiculog.assess(findings(**parts)).urgency.reasons}


def test_no_warning_signs_and_walking_is_watchful() -> None:
    assert tier() == "watchful"
    assert reason_ids() == {"no_warning_signs"}


# GIRFT 2023 / NICE CKS / NHS: each cauda equina warning sign alone means emergency care now.
@pytest.mark.parametrize(
    "question",
    ["bladder_change", "bowel_change", "saddle_numbness", "sexual_function_change", "both_legs"],
)
def test_each_cauda_equina_sign_alone_is_an_emergency(question: str) -> None:
    assert tier(answers={question: True}) == "emergency"
    assert question in reason_ids(answers={question: True})


def test_saddle_marked_on_the_body_map_is_an_emergency_even_if_the_question_says_no() -> None:
    doc = findings(sensory=[{"region": "saddle", "kind": "numb"}])
    a = radiculog.assess(doc)
    assert a.urgency.tier == "emergency"
    assert "saddle_marked" in {r.id for r in a.urgency.reasons}


def test_rapidly_worsening_weakness_and_major_trauma_are_emergencies() -> None:
    assert tier(answers={"weakness_worsening_rapidly": True}) == "emergency"  # NICE CKS
    assert tier(answers={"major_trauma": True}) == "emergency"  # NHS back pain


# NHS Lothian RefHelp: acute foot drop or new weakness -> early opinion (urgent).
@pytest.mark.parametrize("question", ["weakness_new", "foot_drop_new", "weakness_progressive"])
def test_new_or_progressive_weakness_and_foot_drop_are_urgent(question: str) -> None:
    assert tier(answers={question: True}) == "urgent"


def test_function_tests_showing_one_sided_weakness_are_urgent_unless_known_to_be_old() -> None:
    weak = [{"test": "toe_lift", "left": 10, "right": 3}]
    unknown = {k: v for k, v in SAFETY_NO.items() if k != "weakness_new"}
    doc = {"schema": "radiculog/findings@1", "answers": unknown, "function": weak}
    a = radiculog.assess(doc)
    # weakness_new unanswered: treated as possibly new (and screening is incomplete).
    assert a.urgency.tier == "urgent"
    assert "weakness_new_on_tests" in {r.id for r in a.urgency.reasons}
    # Said to be old and stable: be examined within days.
    assert tier(function=weak) == "soon"
    assert "weakness_known_on_tests" in reason_ids(function=weak)


def test_fever_is_urgent_and_with_immune_risk_adds_the_combination_reason() -> None:
    assert tier(answers={"fever": True}) == "urgent"  # NHS back pain: high temperature
    ids = reason_ids(answers={"fever": True, "immunosuppressed_or_iv_drug_use": True})
    assert {"fever", "fever_with_immune_risk"} <= ids  # IFOMPT 2020, Yusuf 2019
    assert "fever_with_immune_risk" not in reason_ids(
        answers={"immunosuppressed_or_iv_drug_use": True}
    )


def test_cancer_history_is_soon_alone_and_urgent_with_new_severe_pain() -> None:
    assert tier(answers={"cancer_history": True}) == "soon"  # CKS: seen within a few days
    both = {"cancer_history": True, "severe_unrelenting_pain": True}
    assert tier(answers=both) == "urgent"  # Downie 2013: post-test probability ~33%
    assert "cancer_with_severe_pain" in reason_ids(answers=both)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"unexplained_weight_loss": True}, "urgent"),
        ({"severe_unrelenting_pain": True}, "urgent"),
        ({"sleep_disrupted": True}, "soon"),
        ({"repeated_falls": True}, "soon"),
        ({"numbness_with_function_limits": True}, "soon"),
        ({"can_walk_short_distances": False}, "soon"),
    ],
)
def test_other_rules_give_their_seed_tier(answers: dict[str, bool], expected: str) -> None:
    assert tier(answers=answers) == expected


def test_brisk_reflex_is_never_reassuring() -> None:
    doc = findings(reflexes=[{"reflex": "knee", "side": "left", "result": "brisk"}])
    a = radiculog.assess(doc)
    assert a.urgency.tier == "soon"
    assert "upper_motor_neuron" in {e.id for e in a.other_explanations}


def test_both_legs_marked_with_the_question_unanswered_is_not_reassuring() -> None:
    both = [{"region": "calf", "side": "left"}, {"region": "calf", "side": "right"}]
    unknown = {k: v for k, v in SAFETY_NO.items() if k != "both_legs"}
    doc = {"schema": "radiculog/findings@1", "answers": unknown, "pain": both}
    a = radiculog.assess(doc)
    assert a.urgency.tier == "urgent"
    assert "both_legs_marked_unanswered" in {r.id for r in a.urgency.reasons}
    # Answered no (long-standing, unchanged): the map alone does not escalate.
    assert tier(pain=both) == "watchful"
    # Answered yes: the emergency rule speaks alone, with no softer option beside it.
    yes = radiculog.assess(findings(answers={"both_legs": True}, pain=both))
    assert yes.urgency.tier == "emergency"
    assert "both_legs_marked_unanswered" not in {r.id for r in yes.urgency.reasons}
    # Low back on both sides is not "both legs".
    assert tier(pain=[{"region": "low_back", "side": s} for s in ("left", "right")]) == "watchful"


def test_unanswered_safety_questions_are_listed_and_never_watchful() -> None:
    ces = {"bladder_change": False, "bowel_change": False, "saddle_numbness": False}
    a = radiculog.assess({"schema": "radiculog/findings@1", "answers": {"fever": False, **ces}})
    assert a.urgency.screening_complete is False
    assert a.urgency.tier == "soon"
    assert "both_legs" in a.urgency.missing and "fever" not in a.urgency.missing
    assert "screening_incomplete" in {r.id for r in a.urgency.reasons}


def test_cauda_equina_questions_all_unanswered_are_urgent_with_the_signs_spelled_out() -> None:
    """Issue 18 class 5: a person who cannot rule out the cauda equina signs is at least
    urgent (GIRFT 2023); the action names each emergency sign."""
    a = radiculog.assess({"schema": "radiculog/findings@1", "answers": {"fever": False}})
    assert a.urgency.tier == "urgent"
    reason = next(r for r in a.urgency.reasons if r.id == "cauda_equina_unsure")
    for sign in ("passing urine", "stools", "between the legs", "both legs"):
        assert sign in reason.action
    one_no = radiculog.assess(
        findings(
            answers={"bowel_change": False}
            | dict.fromkeys(("bladder_change", "saddle_numbness"), None)
        )
    )
    assert "cauda_equina_unsure" not in {r.id for r in one_no.urgency.reasons}


def test_the_most_urgent_reason_comes_first_and_sets_the_tier() -> None:
    a = radiculog.assess(findings(answers={"sleep_disrupted": True, "bladder_change": True}))
    assert [r.tier for r in a.urgency.reasons][:1] == ["emergency"]
    assert a.urgency.tier == "emergency"


# What to add to a findings document to make each fact true (second_leg_new needs a log).
FACT_PARTS: dict[str, dict[str, object]] = {
    "saddle_marked": {"pain": [{"region": "saddle"}]},
    "weaker_on_test": {"function": [{"test": "calf_raise", "left": 2, "right": 20}]},
    "both_legs_marked": {"pain": [{"region": "calf", "side": s} for s in ("left", "right")]},
    "brisk_reflex": {"reflexes": [{"reflex": "ankle", "side": "left", "result": "brisk"}]},
    "deficit_both_sides": {"function": [{"test": "toe_lift", "left": "unable", "right": 2}]},
    "deficit_opposite_leg": {
        "pain": [{"region": "calf", "side": "left"}],
        "function": [{"test": "toe_lift", "left": 10, "right": "unable"}],
    },
    "age_under_20": {"age": 17},
    "age_70_plus": {"age": 78},
    "onset_6_weeks_plus": {"days_since_onset": 60},
    "onset_recent_or_unknown": {"days_since_onset": 5},
    "age_under_16": {"age": 12},
    "age_60_plus": {"age": 66},
    "onset_within_14_days": {"days_since_onset": 5},
    "brisk_reflex_both_legs": {
        "reflexes": [{"reflex": "knee", "side": s, "result": "brisk"} for s in ("left", "right")]
    },
    "sensory_marked": {"sensory": [{"region": "calf", "side": "left"}]},
}
FACT_ANSWERS = {
    "new_deficit": {"weakness_new": True},
    "fragile_bones": {"osteoporosis": True},
    "cancer_neuro_sign": {"weakness_new": True},
    "cauda_equina_sign": {"bladder_change": True},
    "cord_symptom": {"walking_unsteady": True},
    "new_neuro_symptom": {"weakness_new": True},
}


def test_every_rule_in_the_knowledge_file_can_fire() -> None:
    """Each rule, given exactly its own conditions, fires with its tier (or a higher one)."""
    k = load_knowledge()
    order = ("watchful", "soon", "urgent", "emergency")
    for rule in k.rules:
        if "second_leg_new" in rule.when_facts:
            continue  # a log fact: tests/engine/test_trend.py
        answers: dict[str, object] = {q: True for q in (*rule.when_yes, *rule.when_not_no)}
        answers.update({q: False for q in rule.when_no})
        extra: dict[str, object] = {}
        for fact in sorted(rule.when_facts):
            for key, value in FACT_PARTS.get(fact, {}).items():
                extra[key] = [*extra.get(key, []), *value] if isinstance(value, list) else value  # type: ignore[misc]
            answers.update(FACT_ANSWERS.get(fact, {}))
        base = {q: v for q, v in SAFETY_NO.items() if q not in rule.when_unanswered}
        doc = {"schema": "radiculog/findings@2", "answers": {**base, **answers}, **extra}
        a = radiculog.assess(doc)
        assert rule.id in {r.id for r in a.urgency.reasons}, rule.id
        assert order.index(a.urgency.tier) >= order.index(rule.tier), rule.id
