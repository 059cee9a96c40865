"""Patterns that point to something other than a nerve root in the back.

Each is a prompt to raise with a clinician, never a diagnosis. The wording and
sources live in knowledge/other_explanations.toml; the patterns are here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from radiculog.engine.findings import YES, Findings
from radiculog.engine.function import weaker_side
from radiculog.engine.knowledge import Explanation, Knowledge


def _peroneal(f: Findings, k: Knowledge) -> bool:
    """Foot-lift weakness with outer-leg/top-of-foot symptoms but a normal hip abduction."""
    weaker = f.weaker_sides
    if weaker.get("toe_lift") is None and weaker.get("heel_walk") is None:
        return False  # no foot-lift weakness (the usual case): nothing more to look at
    hip = next((r for r in f.function if r.test == "hip_abduction"), None)
    for result in f.function:
        side = f.weaker_sides[result.test] if result.test in ("toe_lift", "heel_walk") else None
        if side is None or hip is None:
            continue
        hip_ok = hip.value(side) not in (None, "weaker", "unable") and weaker_side(hip) != side
        outer = {r.region for r in f.marked() if r.side == side} & {
            "lateral_leg",
            "dorsum_foot",
            "first_web_space",
        }
        if hip_ok and outer:
            return True
    return False


BUTTOCK_ONLY = frozenset({"low_back", "buttock"})


def _hip(f: Findings, k: Knowledge) -> bool:
    regions = f.leg_regions
    return (
        not regions.isdisjoint(("groin", "anterior_thigh"))
        and not any(k.regions[r].level >= 3 for r in regions)
        and f.answer("pain_below_knee") is not YES
    )


def _buttock_only(f: Findings, k: Knowledge) -> bool:
    if not f.leg_regions <= BUTTOCK_ONLY:  # the usual case, without building the union
        return False
    regions = f.leg_regions | {r.region for r in f.pain}
    return bool(regions) and regions <= BUTTOCK_ONLY and (f.answer("pain_below_knee") is not YES)


def _piriformis(f: Findings, k: Knowledge) -> bool:
    """Buttock pain worse sitting, with no weakness and no repeatable numbness."""
    return (
        f.answer("worse_with_cough_sneeze_sitting") is YES
        and any(r.region == "buttock" for r in f.pain)
        and f.answer("numbness_repeatable") is not YES
        and not any(f.weaker_sides.values())
        and not any(s.repeatable for s in f.sensory)
    )


OUTER_HIP = frozenset({"lateral_thigh"})
THIGH_TESTS = ("step_down", "sit_to_stand")


def _below_knee(f: Findings, k: Knowledge) -> bool:
    return f.answer("pain_below_knee") is YES or any(k.regions[r].level >= 4 for r in f.leg_regions)


def _hip_tendon(f: Findings, k: Knowledge) -> bool:
    """Outer-thigh pain, or a weak side-lying lift with buttock or outer-thigh pain, and
    nothing below the knee (Grimaldi 2017)."""
    regions = f.leg_regions
    weak_hip = f.weaker_sides.get("hip_abduction") is not None
    return (
        not regions.isdisjoint(OUTER_HIP) or (weak_hip and "buttock" in regions)
    ) and not _below_knee(f, k)


def _femoral(f: Findings, k: Knowledge) -> bool:
    """Front-of-thigh pain with weak knee straightening or a lost knee jerk (Dyck 2002)."""
    if "anterior_thigh" not in f.leg_regions:
        return False
    weaker = f.weaker_sides
    return any(weaker.get(t) is not None for t in THIGH_TESTS) or any(
        x.reflex == "knee" and x.result in ("reduced", "absent") for x in f.reflexes
    )


def _vascular(f: Findings, k: Knowledge) -> bool:
    return f.answer("leg_pain_walking_eased_standing") is YES


def _brisk(f: Findings, k: Knowledge) -> bool:
    return bool(f.reflexes) and any(r.result == "brisk" for r in f.reflexes)


Pattern = Callable[[Findings, Knowledge], bool]
PATTERNS: dict[str, Pattern] = {
    "peroneal_pattern": _peroneal,
    "hip_pattern": _hip,
    "buttock_only_pattern": _buttock_only,
    "piriformis_pattern": _piriformis,
    "hip_tendon_pattern": _hip_tendon,
    "femoral_pattern": _femoral,
    "vascular_claudication": _vascular,
    "brisk_reflex": _brisk,
}


def fitting(findings: Findings, knowledge: Knowledge) -> tuple[Explanation, ...]:
    """Every explanation whose pattern fits, whatever the tier (each pattern checked once:
    the root gate and the list shown to the person both use this)."""
    return tuple([e for e, fits in _patterns(knowledge) if fits(findings, knowledge)])


@cache
def _patterns(knowledge: Knowledge) -> tuple[tuple[Explanation, Pattern], ...]:
    """Each explanation with its pattern, looked up once per knowledge."""
    return tuple((e, PATTERNS[e.when]) for e in knowledge.explanations)


def consider(
    findings: Findings,
    knowledge: Knowledge,
    tier: str,
    fits: tuple[Explanation, ...] | None = None,
) -> list[Explanation]:
    """The fitting explanations to show: calm-only ones are left out when the tier is
    urgent or emergency, so none sits beside a warning sign."""
    calm = tier in ("watchful", "soon")
    found = fitting(findings, knowledge) if fits is None else fits
    return [e for e in found if calm or not e.calm_only]


def patterns_against_root(
    findings: Findings, knowledge: Knowledge, fits: tuple[Explanation, ...] | None = None
) -> tuple[str, ...]:
    """Ids of the fitting explanations marked `against_root`, whatever the tier: the root
    gate (roots_gate.py) uses them to doubt that the picture comes from a root."""
    found = fitting(findings, knowledge) if fits is None else fits
    return tuple([e.id for e in found if e.against_root]) if found else ()
