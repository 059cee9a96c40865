"""The order of the self-check: urgency first, then the optional nerve-root part.

Part one is the danger signs, three pages grouped by how soon each sign needs
help (now, today, within days), so a person with none of them reaches the
urgency answer after three taps. A question that matters only together with
another (pain getting worse with past cancer, a small fall with weak bones, blood
thinners or feeling faint with sudden severe pain, pregnancy with the bladder and
saddle questions) sits on its partner's page, so the pair is read, and acted on,
when that page is sent.
Part two ("which nerve root") is optional and comes after that answer:
symptoms, the two body maps and one page of strength tests. The engine decides
what each answer means; this module only orders pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    slug: str
    kind: str  # questions | symptoms | map | tests
    title: str | Promise
    items: tuple[str, ...] = ()
    hint: str | Promise = ""


SAFETY_TOPICS: tuple[Step, ...] = (
    Step(
        "now",
        "questions",
        _("Signs to get help now"),
        (
            "bladder_change",
            "bowel_change",
            "saddle_numbness",
            "sexual_function_change",
            "both_legs",
            "weakness_worsening_rapidly",
            "major_trauma",
            "chest_pain",
            # issue 18: an emergency alone, or with its partner on this page
            "leg_cold_pale",
            "pregnant_or_recent_birth",
            "sudden_severe_pain",
            "feeling_faint",
            "anticoagulant_or_bleeding_disorder",
        ),
        _(
            "Any one of these means getting help straight away, except the last four:"
            " they matter only together with another answer."
        ),
    ),
    Step(
        "today",
        "questions",
        _("Signs to call a doctor today"),
        (
            "weakness_new",
            "foot_drop_new",
            "toes_catching",
            "weakness_progressive",
            "fever",
            "severe_unrelenting_pain",
            "unexplained_weight_loss",
            "cancer_history",
            "pain_getting_worse",
            "immunosuppressed_or_iv_drug_use",
            "spinal_procedure_recent",
            "spinal_wound_problem",
            "clonus",
            "upper_back_pain",
            "back_lump_or_shape_change",
        ),
        _("These need a clinician soon, but not an ambulance."),
    ),
    Step(
        "days",
        "questions",
        _("Signs to be seen within days"),
        (
            "can_walk_short_distances",
            "sleep_disrupted",
            "repeated_falls",
            "numbness_with_function_limits",
            "long_term_steroids",
            "osteoporosis",
            "minor_fall",
            "hands_numb_or_clumsy",
            "walking_unsteady",
            "night_sweats",
            "leg_pain_walking_eased_standing",
        ),
        _("The last danger-sign page. Your answer comes next."),
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

ROOT_STEPS: tuple[Step, ...] = (
    Step(
        "symptoms",
        "symptoms",
        _("Your leg symptoms"),
        (
            "pain_below_knee",
            "numbness_repeatable",
            "one_side_weaker",
            "worse_with_cough_sneeze_sitting",
        ),
        _("Four short questions. Two or more yes answers point to an irritated nerve root."),
    ),
    Step("pain-map", "map", _("Where does it hurt?"), ("pain",)),
    Step("feeling-map", "map", _("Where is feeling changed?"), ("sensory",)),
    Step("tests", "tests", _("Strength tests")),
)

STEPS: tuple[Step, ...] = (*SAFETY_TOPICS, *ROOT_STEPS)
BY_SLUG = {step.slug: step for step in STEPS}
SLUGS = [s.slug for s in STEPS]


def part_of(slug: str) -> tuple[Step, ...]:
    return SAFETY_TOPICS if slug in {s.slug for s in SAFETY_TOPICS} else ROOT_STEPS


def step_after(slug: str) -> Step | None:
    """The next page in the same part; None when the result comes next."""
    part = part_of(slug)
    index = [s.slug for s in part].index(slug)
    return part[index + 1] if index + 1 < len(part) else None


def step_before(slug: str) -> Step | None:
    """The page before in the same part; None for a part's first page."""
    part = part_of(slug)
    index = [s.slug for s in part].index(slug)
    return part[index - 1] if index > 0 else None


def step_for_question(qid: str) -> Step | None:
    return next((s for s in STEPS if qid in s.items), None)


def section_of(slug: str) -> tuple[str | Promise, int, int]:
    """The part of the check a step belongs to, its place in that part, and the part's size."""
    part = part_of(slug)
    title = _("Danger signs") if part is SAFETY_TOPICS else _("Which nerve root (optional)")
    return title, [s.slug for s in part].index(slug) + 1, len(part)
