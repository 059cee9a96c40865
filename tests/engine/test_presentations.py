"""Realistic presentations (issue 9's review style): each with the guideline's minimum
tier. The engine must never send any of them lower. A few calm ones also carry a
maximum, so the rules are not "safe" by sending everyone to hospital."""

from __future__ import annotations

from typing import Any

import pytest

import radiculog
from radiculog.engine.knowledge import TIERS
from tests.conftest import SAFETY_NO

UNANSWERED = object()


def doc(answers: dict[str, Any] | None = None, **parts: Any) -> dict[str, Any]:
    """Every safety question answered no, then ``answers`` (UNANSWERED removes one)."""
    merged = {**SAFETY_NO, **(answers or {})}
    clean = {q: v for q, v in merged.items() if v is not UNANSWERED}
    return {"schema": "radiculog/findings@2", "answers": clean, **parts}


def fn(test: str, left: object = None, right: object = None) -> list[dict[str, Any]]:
    item: dict[str, Any] = {"test": test}
    item |= {k: v for k, v in (("left", left), ("right", right)) if v is not None}
    return [item]


LEFT_CALF = [{"region": "calf", "side": "left"}, {"region": "lateral_leg", "side": "left"}]
NEW_UNKNOWN = {"weakness_new": UNANSWERED}

# (name, findings, minimum tier by the source, a reason id that must be among the reasons)
PRESENTATIONS: list[tuple[str, dict[str, Any], str, str | None]] = [
    # Weakness on both sides, or in the other leg (GIRFT 2023: new deficit of both legs).
    (
        "both feet unable to lift, newness not said",
        doc(NEW_UNKNOWN, function=fn("toe_lift", "unable", "unable")),
        "emergency",
        "both_legs_weak_new",
    ),
    (
        "both feet unable to lift, new",
        doc({"weakness_new": True}, function=fn("toe_lift", "unable", "unable")),
        "emergency",
        "both_legs_weak_new",
    ),
    (
        "both calf raises below norm (6, 7), newness not said",
        doc(NEW_UNKNOWN, function=fn("calf_raise", 6, 7)),
        "emergency",
        "both_legs_weak_new",
    ),
    (
        "left toe lift unable, right calf raise 3",
        doc(NEW_UNKNOWN, function=[*fn("toe_lift", "unable", 10), *fn("calf_raise", 25, 3)]),
        "emergency",
        "both_legs_weak_new",
    ),
    (
        "pain in the left leg, right foot unable to lift",
        doc(NEW_UNKNOWN, pain=LEFT_CALF, function=fn("toe_lift", 10, "unable")),
        "emergency",
        "weak_opposite_leg_new",
    ),
    (
        "both feet weak for years (not new)",
        doc(function=fn("toe_lift", "unable", "unable")),
        "soon",
        "both_legs_weak_known",
    ),
    # Mixed numbers and words (issue 9, class 3).
    (
        "left toe lifts 0 against right normal",
        doc(NEW_UNKNOWN, pain=LEFT_CALF, function=fn("toe_lift", 0, "normal")),
        "urgent",
        "weakness_new_on_tests",
    ),
    (
        "left toe lifts 2 against right normal, new",
        doc({"weakness_new": True}, pain=LEFT_CALF, function=fn("toe_lift", 2, "normal")),
        "urgent",
        "weakness_new",
    ),
    (
        "left calf raise unable, right not tested",
        doc(NEW_UNKNOWN, pain=LEFT_CALF, function=fn("calf_raise", "unable")),
        "urgent",
        "weakness_new_on_tests",
    ),
    (
        "left heel walk weaker against right normal",
        doc(NEW_UNKNOWN, pain=LEFT_CALF, function=fn("heel_walk", "weaker", "normal")),
        "urgent",
        "weakness_new_on_tests",
    ),
    (
        "right calf raise unable against 25, said not new",
        doc(function=fn("calf_raise", 25, "unable")),
        "soon",
        "weakness_known_on_tests",
    ),
    # Cancer (NICE NG234: within 24 h; immediately with a neurological deficit).
    (
        "past cancer and pain at night",
        doc({"cancer_history": True, "sleep_disrupted": True}),
        "urgent",
        "cancer_with_night_pain",
    ),
    (
        "past cancer and pain worse on coughing",
        doc({"cancer_history": True, "worse_with_cough_sneeze_sitting": True}),
        "urgent",
        "cancer_with_straining_pain",
    ),
    (
        "past cancer and pain getting worse over weeks",
        doc({"cancer_history": True, "pain_getting_worse": True}),
        "urgent",
        "cancer_with_progressive_pain",
    ),
    (
        "past cancer and new weakness",
        doc({"cancer_history": True, "weakness_new": True}),
        "emergency",
        "cancer_with_new_deficit",
    ),
    (
        "past cancer and a measured weak toe lift",
        doc({"cancer_history": True, **NEW_UNKNOWN}, function=fn("toe_lift", 3, 10)),
        "emergency",
        "cancer_with_new_deficit",
    ),
    ("past cancer alone", doc({"cancer_history": True}), "soon", "cancer_history"),
    # Infection (fever absent in about half: yusuf2019).
    (
        "injects drugs, with fever",
        doc({"immunosuppressed_or_iv_drug_use": True, "fever": True}),
        "urgent",
        "fever_with_immune_risk",
    ),
    (
        "injects drugs, with new foot drop",
        doc({"immunosuppressed_or_iv_drug_use": True, "foot_drop_new": True}),
        "emergency",
        "immune_risk_with_new_deficit",
    ),
    (
        "on chemotherapy, no fever",
        doc({"immunosuppressed_or_iv_drug_use": True}),
        "soon",
        "immune_risk",
    ),
    (
        "fever and new weakness",
        doc({"fever": True, "weakness_new": True}),
        "emergency",
        "fever_with_new_deficit",
    ),
    (
        "fever, immune risk, weak calf on testing",
        doc(
            {"fever": True, "immunosuppressed_or_iv_drug_use": True, **NEW_UNKNOWN},
            function=fn("calf_raise", 20, 4),
        ),
        "emergency",
        "immune_risk_with_new_deficit",
    ),
    # Fracture (Downie 2013).
    (
        "long-term steroids and a small fall",
        doc({"long_term_steroids": True, "minor_fall": True}),
        "urgent",
        "fragile_bones_minor_fall",
    ),
    (
        "osteoporosis at 78",
        doc({"osteoporosis": True}, age=78),
        "urgent",
        "fragile_bones_older_age",
    ),
    (
        "steroids at 72, no fall",
        doc({"long_term_steroids": True}, age=72),
        "urgent",
        "fragile_bones_older_age",
    ),
    ("osteoporosis at 55", doc({"osteoporosis": True}, age=55), "soon", "fragile_bones"),
    ("major fall from a ladder", doc({"major_trauma": True}), "emergency", "major_trauma"),
    # Age and time outside the usual picture.
    ("17-year-old with a first episode", doc(age=17, days_since_onset=10), "soon", "age_under_20"),
    (
        "84-year-old with new back and leg pain",
        doc(age=84, days_since_onset=5),
        "soon",
        "older_age_new_pain",
    ),
    ("sciatica for ten weeks", doc(age=45, days_since_onset=70), "soon", "not_improving_weeks"),
    # Walking and feet.
    ("toes catching, tripping", doc({"toes_catching": True}), "urgent", "toes_catching"),
    ("falls twice because of the leg", doc({"repeated_falls": True}), "soon", "repeated_falls"),
    (
        "cannot walk a few minutes",
        doc({"can_walk_short_distances": False}),
        "soon",
        "cannot_walk_short_distances",
    ),
    # The classic emergencies still hold.
    ("numb saddle area", doc({"saddle_numbness": True}), "emergency", "saddle_numbness"),
    (
        "both legs marked, question unanswered",
        doc({"both_legs": UNANSWERED}, pain=[*LEFT_CALF, {"region": "calf", "side": "right"}]),
        "urgent",
        "both_legs_marked_unanswered",
    ),
    (
        "losing weight without trying",
        doc({"unexplained_weight_loss": True}),
        "urgent",
        "unexplained_weight_loss",
    ),
]


@pytest.mark.parametrize(
    ("name", "findings", "minimum", "reason"), PRESENTATIONS, ids=[p[0] for p in PRESENTATIONS]
)
def test_no_presentation_is_under_triaged(
    name: str, findings: dict[str, Any], minimum: str, reason: str | None
) -> None:
    a = radiculog.assess(findings)
    assert TIERS.index(a.urgency.tier) >= TIERS.index(minimum), (name, a.urgency.tier)
    if reason:
        assert reason in {r.id for r in a.urgency.reasons}, name


def test_there_are_at_least_thirty_presentations() -> None:
    assert len(PRESENTATIONS) >= 30


CALM: dict[str, Any] = {"age": 40, "days_since_onset": 10, "pain": LEFT_CALF}


@pytest.mark.parametrize(
    ("findings", "maximum"),
    [
        (doc(**CALM), "watchful"),
        (doc(**CALM, function=fn("calf_raise", 24, 26)), "watchful"),
        (doc(**CALM, function=fn("toe_lift", 10, "normal")), "watchful"),
        (doc({"osteoporosis": True}, age=55, days_since_onset=10), "soon"),
    ],
)  # fmt: skip
def test_calm_presentations_are_not_over_triaged(findings: dict[str, Any], maximum: str) -> None:
    assert TIERS.index(radiculog.assess(findings).urgency.tier) <= TIERS.index(maximum)
