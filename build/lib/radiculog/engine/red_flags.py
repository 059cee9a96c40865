"""Safety screening: which rules fire, the tier, and whether screening is complete.

Each rule needs all of its conditions (knowledge/red_flags.toml). Most people
answer no to every warning sign, so the screen only tests rules whose first
required condition is present (a yes answer, a fact or a no answer), in an index
built once per knowledge.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from radiculog.engine.findings import Findings
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
    leg_sides = set()
    for item in findings.marked():
        if item.region == "saddle":
            found.add("saddle_marked")
        elif item.side and item.region != "low_back":
            leg_sides.add(item.side)
    if len(leg_sides) == 2:
        found.add("both_legs_marked")
    if any(findings.weaker_sides.values()):
        found.add("weaker_on_test")
    if any(r.result == "brisk" for r in findings.reflexes):
        found.add("brisk_reflex")
    return found


def fires(rule: Rule, yes: frozenset[str], no: frozenset[str], known: set[str]) -> bool:
    return (
        yes.issuperset(rule.when_yes)
        and no.isdisjoint(rule.when_not_no)
        and no.issuperset(rule.when_no)
        and yes.isdisjoint(rule.when_unanswered)
        and no.isdisjoint(rule.when_unanswered)
        and known.issuperset(rule.when_facts)
    )


class _Screen(NamedTuple):
    always: tuple[Rule, ...]  # rules with no yes, fact or no condition to key them by
    by_yes: dict[str, tuple[Rule, ...]]
    by_fact: dict[str, tuple[Rule, ...]]
    by_no: dict[str, tuple[Rule, ...]]
    reason: dict[str, Reason]
    order: dict[str, tuple[int, int]]  # most urgent first, then the file's order


@cache
def _screen(knowledge: Knowledge) -> _Screen:
    always: list[Rule] = []
    keyed: tuple[dict[str, list[Rule]], ...] = ({}, {}, {})
    for rule in knowledge.rules:
        for index, condition in zip(
            keyed, (rule.when_yes, rule.when_facts, rule.when_no), strict=True
        ):
            if condition:
                index.setdefault(min(condition), []).append(rule)
                break
        else:
            always.append(rule)
    by_yes, by_fact, by_no = ({k: tuple(v) for k, v in index.items()} for index in keyed)
    return _Screen(
        tuple(always),
        by_yes,
        by_fact,
        by_no,
        {r.id: Reason(r.id, r.tier, r.text, r.action, r.sources) for r in knowledge.rules},
        {r.id: (-TIERS.index(r.tier), i) for i, r in enumerate(knowledge.rules)},
    )


def fired_reasons(findings: Findings, knowledge: Knowledge) -> list[Reason]:
    """The rules that fire, most urgent first; the knowledge file's order within a tier."""
    screen = _screen(knowledge)
    known = facts(findings)
    yes, no = findings.yes, findings.no
    candidates = list(screen.always)
    for question in yes:
        candidates.extend(screen.by_yes.get(question, ()))
    for fact in known:
        candidates.extend(screen.by_fact.get(fact, ()))
    for question, rules in screen.by_no.items():
        if question in no:
            candidates.extend(rules)
    fired = [rule.id for rule in candidates if fires(rule, yes, no, known)]
    fired.sort(key=screen.order.__getitem__)
    return [screen.reason[rule_id] for rule_id in fired]


def missing_safety(findings: Findings, knowledge: Knowledge) -> list[str]:
    return [q for q in knowledge.safety_ids if q not in findings.answers]


def most_urgent(tiers: list[str]) -> str:
    return max(tiers, key=TIERS.index)
