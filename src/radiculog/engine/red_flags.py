"""Safety screening: which rules fire, the tier, and whether screening is complete."""

from __future__ import annotations

from typing import NamedTuple

from radiculog.engine.findings import Answer, Findings
from radiculog.engine.knowledge import TIERS, Knowledge, Rule


class Reason(NamedTuple):
    id: str
    tier: str
    text: str
    action: str
    sources: tuple[str, ...]


def facts(findings: Findings) -> set[str]:
    """Things the screening rules may ask about besides answers."""
    found = set()
    regions = [r.region for r in findings.pain] + [s.region for s in findings.sensory]
    if "saddle" in regions:
        found.add("saddle_marked")
    if any(findings.weaker_sides.values()):
        found.add("weaker_on_test")
    if any(r.result == "brisk" for r in findings.reflexes):
        found.add("brisk_reflex")
    leg_sides = {r.side for r in findings.marked() if r.side and r.region != "low_back"}
    if leg_sides == {"left", "right"}:
        found.add("both_legs_marked")
    return found


def fires(rule: Rule, yes: set[str], no: set[str], known: set[str]) -> bool:
    return (
        yes.issuperset(rule.when_yes)
        and no.isdisjoint(rule.when_not_no)
        and no.issuperset(rule.when_no)
        and yes.isdisjoint(rule.when_unanswered)
        and no.isdisjoint(rule.when_unanswered)
        and known.issuperset(rule.when_facts)
    )


def fired_reasons(findings: Findings, knowledge: Knowledge) -> list[Reason]:
    known = facts(findings)
    yes = {q for q, a in findings.answers.items() if a is Answer.YES}
    no = {q for q, a in findings.answers.items() if a is Answer.NO}
    free, keyed = knowledge.rules_by_answer
    candidates = {r.id for r in free}
    for question in yes:
        candidates.update(r.id for r in keyed.get(question, ()))
    reasons = [
        Reason(rule.id, rule.tier, rule.text, rule.action, rule.sources)
        for rule in knowledge.rules  # the file's order, kept within a tier
        if rule.id in candidates and fires(rule, yes, no, known)
    ]
    # Most urgent first; the knowledge file's order is kept within a tier.
    return sorted(reasons, key=lambda r: -TIERS.index(r.tier))


def missing_safety(findings: Findings, knowledge: Knowledge) -> list[str]:
    return [q for q in knowledge.safety_ids if q not in findings.answers]


def most_urgent(tiers: list[str]) -> str:
    return max(tiers, key=TIERS.index)
