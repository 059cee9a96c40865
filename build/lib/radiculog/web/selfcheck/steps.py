"""The order of the self-check: one topic per page, danger signs first.

Safety topics come first so that an emergency answer stops the flow before
anything else is asked. Emergency-tier questions sit in the earliest topics.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    slug: str
    kind: str  # questions | about | map | test | clinician
    title: str | Promise
    items: tuple[str, ...] = ()
    hint: str | Promise = ""


SAFETY_TOPICS: tuple[Step, ...] = (
    Step("bladder-bowel", "questions", _("Bladder and bowel"), ("bladder_change", "bowel_change")),
    Step(
        "saddle",
        "questions",
        _("Feeling between the legs, and sex"),
        ("saddle_numbness", "sexual_function_change"),
    ),
    Step("both-legs", "questions", _("Both legs"), ("both_legs",)),
    Step("injury", "questions", _("Injury"), ("major_trauma",)),
    Step(
        "weakness",
        "questions",
        _("Weakness"),
        ("weakness_worsening_rapidly", "weakness_new", "foot_drop_new", "weakness_progressive"),
    ),
    Step(
        "health",
        "questions",
        _("Your general health"),
        (
            "fever",
            "severe_unrelenting_pain",
            "cancer_history",
            "unexplained_weight_loss",
            "immunosuppressed_or_iv_drug_use",
        ),
    ),
    Step(
        "daily-life",
        "questions",
        _("Sleep, falls and walking"),
        (
            "sleep_disrupted",
            "repeated_falls",
            "numbness_with_function_limits",
            "can_walk_short_distances",
        ),
    ),
)

# Seated and lying tests first: they are the safest to try when in pain.
TEST_ORDER = (
    "toe_lift",
    "hip_abduction",
    "calf_raise",
    "heel_walk",
    "toe_walk",
    "step_down",
    "sit_to_stand",
)

STEPS: tuple[Step, ...] = (
    *SAFETY_TOPICS,
    Step(
        "nerve",
        "questions",
        _("Is a nerve root irritated?"),
        (
            "pain_below_knee",
            "numbness_repeatable",
            "one_side_weaker",
            "worse_with_cough_sneeze_sitting",
        ),
        _("Four short questions. Two or more yes answers point to an irritated nerve root."),
    ),
    Step("about", "about", _("About you")),
    Step("pain-map", "map", _("Where does it hurt?"), ("pain",)),
    Step("feeling-map", "map", _("Where is feeling changed?"), ("sensory",)),
    *(Step(f"test-{t}", "test", "", (t,)) for t in TEST_ORDER),
    Step("clinician", "clinician", _("Tests a clinician has done")),
)

BY_SLUG = {step.slug: step for step in STEPS}


def step_after(slug: str) -> Step | None:
    index = [s.slug for s in STEPS].index(slug)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def step_before(slug: str) -> Step | None:
    index = [s.slug for s in STEPS].index(slug)
    return STEPS[index - 1] if index > 0 else None


def step_for_question(qid: str) -> Step | None:
    return next((s for s in STEPS if s.kind == "questions" and qid in s.items), None)


SECTIONS: tuple[tuple[str | Promise, tuple[str, ...]], ...] = (
    (_("Danger signs"), tuple(s.slug for s in SAFETY_TOPICS)),
    (_("Your symptoms"), ("nerve", "about", "pain-map", "feeling-map")),
    (_("Strength tests"), tuple(f"test-{t}" for t in TEST_ORDER)),
    (_("Clinician's tests"), ("clinician",)),
)


def section_of(slug: str) -> tuple[str | Promise, int, int]:
    """The part of the check a step belongs to, its place in that part, and the part's size."""
    for title, slugs in SECTIONS:
        if slug in slugs:
            return title, slugs.index(slug) + 1, len(slugs)
    raise KeyError(slug)
