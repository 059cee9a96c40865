"""Wording that must not contradict the tier or the cause (issue 9, class 6)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

import radiculog
from radiculog.engine.knowledge import load_knowledge
from tests.conftest import findings

K = load_knowledge()
CES_RULES = {
    "bladder_change", "bowel_change", "saddle_numbness", "saddle_marked",
    "sexual_function_change", "both_legs", "both_legs_weak_new", "weak_opposite_leg_new",
    "second_leg_new", "pregnancy_cauda_equina_sign",
}  # fmt: skip
PROMISES_TODAY = re.compile(r"\b(seen|examined|checked) (today|the same day)\b(?! or tomorrow)")


def test_every_emergency_rule_has_its_own_script_naming_its_cause() -> None:
    for rule in K.rules:
        if rule.tier != "emergency":
            continue
        assert rule.tell, rule.id
        assert ("cauda equina" in rule.tell) == (rule.id in CES_RULES), rule.id


@pytest.mark.parametrize(
    ("answers", "cause"),
    [
        ({"major_trauma": True}, "fall, accident or blow"),
        ({"fever": True, "weakness_new": True}, "spinal infection"),
        ({"cancer_history": True, "weakness_new": True}, "spinal cord compression"),
        ({"bladder_change": True}, "cauda equina"),
    ],
)
def test_the_emergency_card_says_what_the_cause_is(answers: dict[str, bool], cause: str) -> None:
    a = radiculog.assess(findings(answers=answers))
    assert a.urgency.tier == "emergency"
    assert cause in a.card.tell
    assert cause in radiculog.render_text(a)
    if cause != "cauda equina":
        assert "cauda equina" not in a.card.tell


def test_an_urgent_reason_never_says_soon_nor_promises_today() -> None:
    for rule in K.rules:
        if rule.tier == "urgent":
            assert not re.search(r"\bsoon\b", f"{rule.text} {rule.action}"), rule.id
            assert not PROMISES_TODAY.search(rule.action), rule.id
    urgent = K.tiers["urgent"]
    assert "soon" not in f"{urgent.title} {urgent.do}".lower()
    assert not PROMISES_TODAY.search(urgent.do)


def test_knowledge_sentences_name_services_only_through_the_region() -> None:
    files = ("red_flags.toml", "advice.toml", "home_tests.toml", "method.toml", "vocabulary.toml")
    for name in files:
        text = resources.files("radiculog.knowledge").joinpath(name).read_text("utf-8")
        assert not re.search(r"\b(999|111|911|112|GP)\b", text), name


@pytest.mark.parametrize("answers", [{"fever": True}, {"bladder_change": True}])
def test_reassuring_explanations_never_sit_beside_urgent_or_emergency(
    answers: dict[str, bool],
) -> None:
    buttock = [{"region": "buttock", "side": "left"}, {"region": "low_back", "side": "left"}]
    calm = radiculog.assess(findings(pain=buttock))
    assert any(e.calm_only for e in calm.other_explanations)  # the pattern is shown when calm
    a = radiculog.assess(findings(pain=buttock, answers=answers))
    assert not [e.id for e in a.other_explanations if e.calm_only]


def test_someone_who_falls_is_not_given_a_standing_daily_check() -> None:
    thigh = [
        {"region": "anterior_thigh", "side": "left"},
        {"region": "medial_shin", "side": "left"},
    ]
    steady = radiculog.assess(findings(pain=thigh))
    checks = [c for c in (steady.card.daily_check, steady.card.also_check) if c]
    assert any(c.test.standing for c in checks)  # without falls, a standing check is offered
    for question in ("repeated_falls", "toes_catching", "minor_fall"):
        a = radiculog.assess(
            {**findings(pain=thigh, answers={question: True}), "schema": "radiculog/findings@2"}
        )
        for check in (a.card.daily_check, a.card.also_check):
            assert check is None or not check.test.standing, question
        text = radiculog.render_text(a)
        assert "Controlled step-down" not in text and "Single-leg calf raise" not in text


def test_an_emergency_text_carries_no_less_urgent_action() -> None:
    a = radiculog.assess(findings(answers={"bladder_change": True, "cancer_history": True}))
    text = radiculog.render_text(a)
    assert a.urgency.tier == "emergency"
    assert "Because you have had cancer" in text  # the reason is still shown
    assert "Book an appointment within the next few days" not in text
