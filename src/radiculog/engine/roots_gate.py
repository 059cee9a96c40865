"""The root gate: does this picture come from a nerve root at all?

The root probabilities answer "which root, if it is a root". The gate says when that
"if" is in doubt (knowledge/method.toml, [root_gate]): a checklist answered so that it
cannot reach "likely" closes it; the pattern of another explanation (hip joint,
sacroiliac joint, a nerve at the knee...) closes it too, unless the checklist is likely
or a sign only a root gives is there, when it is only doubtful (a leaning may stand, at
low confidence). Unanswered questions
are never read as no: they keep the checklist able to reach "likely".
"""

from __future__ import annotations

from typing import NamedTuple

from radiculog.engine.findings import UNANSWERED, Findings
from radiculog.engine.knowledge import Explanation, Knowledge
from radiculog.engine.other_explanations import patterns_against_root
from radiculog.engine.radicular import Radicular, checklist

CHECKLIST_NO = "checklist_cannot_be_likely"


class Gate(NamedTuple):
    state: str  # open | doubtful | closed
    reasons: tuple[str, ...]  # CHECKLIST_NO and/or ids of other explanations


OPEN = Gate("open", ())


def gate(
    findings: Findings,
    knowledge: Knowledge,
    radicular: Radicular | None = None,
    fits: tuple[Explanation, ...] | None = None,
) -> Gate:
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


def _root_sign(findings: Findings) -> bool:
    """A sign a pressed root gives and a joint does not: a reduced or absent reflex, or
    changed feeling in the same spot on repeated checks. (A weaker side is not enough:
    a painful hip or knee weakens the muscles around it too.)"""
    return any(x.result in ("reduced", "absent") for x in findings.reflexes) or any(
        s.repeatable for s in findings.sensory if s.side is not None
    )
