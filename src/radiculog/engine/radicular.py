"""The four-question nerve-root irritation checklist (2 or more yes: likely)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from radiculog.engine.findings import UNANSWERED, YES, Answer, Findings
from radiculog.engine.knowledge import Knowledge

# tuple.__new__ builds a NamedTuple without its Python-level __new__ (every assessment).
_new = tuple.__new__


class ChecklistItem(NamedTuple):
    id: str
    answer: Answer
    source: str  # "answer", or "body map" / "function tests" when filled in from other findings


@dataclass(frozen=True)
class Radicular:
    likely: bool
    yes_count: int
    items: tuple[ChecklistItem, ...]


def shown_elsewhere(question: str, findings: Findings, knowledge: Knowledge) -> bool:
    """Whether the body map or the tests already show what the question asks (the root
    model then counts those findings, not the answer too)."""
    return _from_other_findings(question, findings, knowledge) is not None


def _from_other_findings(question: str, findings: Findings, knowledge: Knowledge) -> str | None:
    """Where an unanswered question can be filled in as YES; never fills in a no."""
    if question == "pain_below_knee" and any(
        r.side is not None and knowledge.regions[r.region].level >= 4 for r in findings.pain
    ):
        return "body map"
    if question == "numbness_repeatable" and any(
        s.repeatable for s in findings.sensory if s.region != "saddle"
    ):
        return "body map"
    if question == "one_side_weaker" and any(findings.weaker_sides.values()):
        return "function tests"
    return None


def checklist(findings: Findings, knowledge: Knowledge) -> Radicular:
    rule = knowledge.method["radicular"]
    answers = findings.answers
    items = []
    yes = 0
    for question in rule["questions"]:
        answer = answers.get(question, UNANSWERED)
        source = "answer"
        if answer is UNANSWERED:
            filled = _from_other_findings(question, findings, knowledge)
            if filled:
                answer, source = YES, filled
        if answer is YES:
            yes += 1
        items.append(_new(ChecklistItem, (question, answer, source)))
    return Radicular(likely=yes >= rule["likely_at"], yes_count=yes, items=tuple(items))
