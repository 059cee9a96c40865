"""The root gate: does this picture come from a nerve root at all?

The root probabilities are "this root, and a root at all"; the rest is "not a nerve
root", weighed in the same model (roots_alternatives.py). The gate (knowledge/method.toml,
[root_gate]) reads two things:
- reasons outside the model: a checklist answered so that it cannot reach "likely", or
  the pattern of another explanation marked `against_root` (buttock-only pain, walking
  pain eased by standing...). They close the gate unless the checklist is likely or a
  sign only a root gives is there, when it is only doubtful;
- the probabilities: closed when "not a nerve root" is at least as likely as the
  likeliest root, doubtful when it holds `doubtful_min`, or when the checklist is not
  likely although unanswered questions could still make it so.
When the gate closes for a reason outside the model, "not a nerve root" is given at least
the weight of the likeliest root (`floored`), so the numbers shown agree with the gate.
Unanswered questions are never read as no.
"""

from __future__ import annotations

from typing import NamedTuple

from radiculog.engine.findings import UNANSWERED, Findings
from radiculog.engine.knowledge import Explanation, Knowledge
from radiculog.engine.other_explanations import patterns_against_root
from radiculog.engine.radicular import Radicular, checklist
from radiculog.engine.roots_model import Model

CHECKLIST_NO = "checklist_cannot_be_likely"
CHECKLIST_NOT_LIKELY = "checklist_not_likely"
NOT_ROOT_LIKELIER = "not_a_root_as_likely"
NOT_ROOT_POSSIBLE = "not_a_root_possible"
OTHER = "other_cause"  # the weight given to a cause outside the model when the gate closes

Shares = list[tuple[str, float]]


class Gate(NamedTuple):
    state: str  # open | doubtful | closed
    reasons: tuple[str, ...]  # the reasons above and/or ids of other explanations


OPEN = Gate("open", ())


def gate(
    findings: Findings,
    knowledge: Knowledge,
    radicular: Radicular | None = None,
    fits: tuple[Explanation, ...] | None = None,
) -> Gate:
    """The verdict from reasons outside the model (before the probabilities are read)."""
    radicular = radicular or checklist(findings, knowledge)
    patterns = patterns_against_root(findings, knowledge, fits)
    unanswered = [item.answer for item in radicular.items].count(UNANSWERED)
    likely_at: int = knowledge.method["radicular"]["likely_at"]
    if radicular.yes_count + unanswered < likely_at:
        return Gate("closed", (CHECKLIST_NO, *patterns))
    if patterns:
        doubtful = radicular.likely or _root_sign(findings)
        return Gate("doubtful" if doubtful else "closed", patterns)
    return OPEN


def floored(verdict: Gate, probs: list[float], others: Shares) -> tuple[list[float], Shares]:
    """When the gate is closed, "not a root" at least as likely as the likeliest root."""
    top, not_root = max(probs), sum(share for _, share in others)
    if verdict.state != "closed" or not_root >= top:
        return probs, others
    extra = top - not_root  # weight added to a cause outside the model, then renormalised
    scale = 1 / (1 + extra)
    return [p * scale for p in probs], [(a, p * scale) for a, p in others] + [
        (OTHER, extra * scale)
    ]


def settled(
    verdict: Gate,
    m: Model,
    probs: list[float],
    others: Shares,
    radicular: Radicular | None,
    findings: Findings,
    knowledge: Knowledge,
) -> Gate:
    """The final verdict: the reasons outside the model, then the probabilities."""
    not_root = sum(share for _, share in others)
    leading = max(others, key=lambda o: o[1])[0]
    if verdict.state == "closed":
        return verdict
    if not_root >= max(probs):
        return Gate("closed", (*verdict.reasons, NOT_ROOT_LIKELIER, leading))
    reasons = list(verdict.reasons)
    if not_root >= m.doubtful_min:
        reasons += [NOT_ROOT_POSSIBLE, leading]
    if not (radicular or checklist(findings, knowledge)).likely:
        reasons.append(CHECKLIST_NOT_LIKELY)
    return Gate("doubtful", tuple(reasons)) if reasons else OPEN


BELOW_KNEE_TESTS = ("toe_lift", "heel_walk", "calf_raise", "toe_walk")


def _root_sign(findings: Findings) -> bool:
    """A sign a pressed root gives and a joint does not: a reduced or absent reflex,
    changed feeling in the same spot on repeated checks, or (knowledge 2026.7) a weaker
    foot or calf. (A weaker thigh or hip is not enough: a painful hip or knee weakens
    the muscles around it too; the foot and calf muscles are far from those joints. A
    nerve at the knee can weaken the foot too: the root model weighs it, section 6.7.)"""
    weaker = findings.weaker_sides
    return (
        any(x.result in ("reduced", "absent") for x in findings.reflexes)
        or any(s.repeatable for s in findings.sensory if s.side is not None)
        or any(weaker.get(t) is not None for t in BELOW_KNEE_TESTS)
    )
