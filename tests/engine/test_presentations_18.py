"""Issue 18's classes, written from the sources (not from the rules): each presentation
carries the lowest tier its source allows, and the calm ones the highest tier that is
not over-triage. The figures (n, under-triaged, over-triaged) are printed with -s."""

from __future__ import annotations

from typing import Any

import pytest

import radiculog
from radiculog.engine.knowledge import TIERS
from tests.conftest import SAFETY_NO

NEW_NO = dict.fromkeys(
    ("anticoagulant_or_bleeding_disorder", "sudden_severe_pain", "feeling_faint",
     "leg_cold_pale", "pregnant_or_recent_birth", "spinal_procedure_recent",
     "spinal_wound_problem", "hands_numb_or_clumsy", "walking_unsteady", "clonus",
     "night_sweats"),
    False,
)  # fmt: skip
LEFT_LEG = [{"region": "calf", "side": "left"}, {"region": "lateral_leg", "side": "left"}]


def doc(answers: dict[str, Any] | None = None, **parts: Any) -> dict[str, Any]:
    """A calm one-leg picture, every question answered no (None: unanswered)."""
    merged = {**SAFETY_NO, **NEW_NO, **(answers or {})}
    clean = {q: v for q, v in merged.items() if v is not None}
    base: dict[str, Any] = {"age": 45, "days_since_onset": 10, "pain": LEFT_LEG}
    return {"schema": "radiculog/findings@2", "answers": clean, **base, **parts}


def calf(left: object, right: object) -> list[dict[str, Any]]:
    return [{"test": "calf_raise", "left": left, "right": right}]


# (name, findings, lowest tier the source allows, source)
UNDER: list[tuple[str, dict[str, Any], str, str]] = [
    ("on warfarin, severe back pain came on in minutes",
     doc({"anticoagulant_or_bleeding_disorder": True, "sudden_severe_pain": True}),
     "emergency", "stetkarova2021"),
    ("on apixaban, a new weak foot",
     doc({"anticoagulant_or_bleeding_disorder": True, "weakness_new": True}),
     "emergency", "stetkarova2021"),
    ("72, sudden severe back and belly pain, dizzy and clammy",
     doc({"sudden_severe_pain": True, "feeling_faint": True}, age=72, days_since_onset=0),
     "emergency", "nhs_aaa"),
    ("68, sudden severe back pain, not faint",
     doc({"sudden_severe_pain": True}, age=68, days_since_onset=0), "urgent", "nhs_aaa"),
    ("the foot went cold and white an hour ago", doc({"leg_cold_pale": True}),
     "emergency", "nhs_highland_vascular"),
    ("calf pain on walking, gone within minutes of standing still",
     doc({"leg_pain_walking_eased_standing": True}, age=67), "soon", "katz2008"),
    ("discectomy two weeks ago, now a fever",
     doc({"spinal_procedure_recent": True, "fever": True}), "urgent", "finucane2020"),
    ("the operation wound is leaking", doc({"spinal_wound_problem": True}),
     "urgent", "finucane2020"),
    ("epidural injection last week, now a numb foot (marked)",
     doc({"spinal_procedure_recent": True},
         sensory=[{"region": "dorsum_foot", "side": "left", "kind": "numb"}], days_since_onset=5),
     "emergency", "yusuf2019"),
    ("34 weeks pregnant, new trouble passing urine",
     doc({"pregnant_or_recent_birth": True, "bladder_change": True}), "emergency", "girft2023"),
    ("three weeks after a birth with an epidural, numb between the legs (marked only)",
     doc({"pregnant_or_recent_birth": True, "spinal_procedure_recent": True},
         sensory=[{"region": "saddle", "kind": "numb"}]),
     "emergency", "girft2023"),
    ("clumsy hands and unsteady walking at 61",
     doc({"hands_numb_or_clumsy": True, "walking_unsteady": True}, age=61),
     "urgent", "davies2018"),
    ("the ankle beats on its own on a stair", doc({"clonus": True}), "urgent", "davies2018"),
    ("brisk knee reflexes in both legs",
     doc(reflexes=[{"reflex": "knee", "side": s, "result": "brisk"} for s in ("left", "right")]),
     "urgent", "davies2018"),
    ("unsteady walking and a brisk reflex",
     doc({"walking_unsteady": True},
         reflexes=[{"reflex": "ankle", "side": "left", "result": "brisk"}]),
     "urgent", "davies2018"),
    ("a 13-year-old with sciatica", doc(age=13), "soon", "nice_ng59"),
    ("waking drenched in sweat", doc({"night_sweats": True}), "soon", "finucane2020"),
    # Class 2: a new deficit as the sources name it.
    ("past breast cancer, pain below the knee",
     doc({"cancer_history": True, "pain_below_knee": True}), "emergency", "nice_ng234"),
    ("past lung cancer, cannot walk a few minutes",
     doc({"cancer_history": True, "can_walk_short_distances": False}), "emergency", "nice_ng234"),
    ("past myeloma, a numb shin marked",
     doc({"cancer_history": True},
         sensory=[{"region": "anterior_shin", "side": "left", "kind": "numb"}]),
     "emergency", "nice_ng234"),
    ("fever and new tingling in the foot, 3 days",
     doc({"fever": True}, sensory=[{"region": "dorsum_foot", "side": "left"}], days_since_onset=3),
     "emergency", "yusuf2019"),
    ("injects drugs, a numb spot in the same place each time, 10 days",
     doc({"immunosuppressed_or_iv_drug_use": True, "numbness_repeatable": True}),
     "emergency", "yusuf2019"),
    # Class 4: weakness told in words.
    ("one leg feels weaker, no tests, newness not said",
     doc({"one_side_weaker": True, "weakness_new": None}), "urgent", "nice_cks_sciatica"),
    ("one leg feels weaker, pain began 5 days ago, 'not new'",
     doc({"one_side_weaker": True}, days_since_onset=5), "urgent", "girft2023"),
    ("one leg feels weaker, four months, not new",
     doc({"one_side_weaker": True}, days_since_onset=120), "soon", "nice_cks_sciatica"),
    # Class 5: uncertainty; worsening pain.
    ("'not sure' to bladder, bowels and saddle",
     doc({"bladder_change": None, "bowel_change": None, "saddle_numbness": None}),
     "urgent", "girft2023"),
    ("pain getting worse every day, not severe", doc({"pain_getting_worse": True}),
     "soon", "nhs_sciatica"),
]  # fmt: skip

# (name, findings, highest tier that is not over-triage, why)
CALM: list[tuple[str, dict[str, Any], str, str]] = [
    ("a calm one-leg sciatica", doc(), "watchful", "nice_ng59"),
    ("osteoporosis, the same back pain for three years, 72",
     doc({"osteoporosis": True}, age=72, days_since_onset=1100), "soon", "downie2013"),
    ("long-term steroids, pain stable for two years",
     doc({"long_term_steroids": True}, age=50, days_since_onset=730), "soon", "downie2013"),
    ("82, calf raises 8 and 8, newness not said, 7 months",
     doc({"weakness_new": None}, age=82, days_since_onset=210, function=calf(8, 8)),
     "soon", "hebertlosier2017"),
    ("30, calf raises 28 and 30", doc(age=30, function=calf(28, 30)), "watchful", "lunsford1995"),
    ("numb fingers alone (a wrist nerve)", doc({"hands_numb_or_clumsy": True}),
     "soon", "davies2018"),
    ("on blood thinners, gradual sciatica with a tingling toe",
     doc({"anticoagulant_or_bleeding_disorder": True},
         sensory=[{"region": "great_toe", "side": "left"}]),
     "watchful", "stetkarova2021"),
    ("pregnant, one-leg sciatica, no bladder, bowel or saddle change",
     doc({"pregnant_or_recent_birth": True}), "watchful", "girft2023"),
    ("an injection three weeks ago, no fever, the site fine",
     doc({"spinal_procedure_recent": True}), "watchful", "finucane2020"),
    ("leg pain on walking eased only by sitting (spinal narrowing)",
     doc({"leg_pain_walking_eased_sitting": True}, age=66), "watchful", "katz2008"),
    ("35, sudden severe back pain lifting a box, not faint",
     doc({"sudden_severe_pain": True}, age=35, days_since_onset=1), "soon", "nhs_aaa"),
    ("one brisk ankle reflex, nothing else",
     doc(reflexes=[{"reflex": "ankle", "side": "left", "result": "brisk"}]), "soon", "nice_ng59"),
]  # fmt: skip


def _tier(findings: dict[str, Any]) -> int:
    return TIERS.index(radiculog.assess(findings).urgency.tier)


@pytest.mark.parametrize(
    ("name", "findings", "minimum", "source"), UNDER, ids=[u[0] for u in UNDER]
)
def test_no_issue_18_presentation_is_under_triaged(
    name: str, findings: dict[str, Any], minimum: str, source: str
) -> None:
    assert _tier(findings) >= TIERS.index(minimum), (name, source)


@pytest.mark.parametrize(("name", "findings", "maximum", "source"), CALM, ids=[c[0] for c in CALM])
def test_no_calm_presentation_is_over_triaged(
    name: str, findings: dict[str, Any], maximum: str, source: str
) -> None:
    assert _tier(findings) <= TIERS.index(maximum), (name, source)


def test_the_figures() -> None:
    """Under- and over-triage counted the same way (issue 18 class 7), printed for the
    report; both must be zero."""
    under = [n for n, f, low, _ in UNDER if _tier(f) < TIERS.index(low)]
    over = [n for n, f, high, _ in CALM if _tier(f) > TIERS.index(high)]
    print(f"\nissue 18 presentations: {len(UNDER)} warning, {len(CALM)} calm; "  # noqa: T201
          f"under-triaged {len(under)}, over-triaged {len(over)}")  # fmt: skip
    assert len(UNDER) >= 25 and len(CALM) >= 10
    assert under == [] and over == []
