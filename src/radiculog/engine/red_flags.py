"""Safety screening: which rules fire, the tier, and whether screening is complete.

Each rule needs all of its conditions (knowledge/red_flags.toml). Most people
answer no to every warning sign, so the screen only tests rules whose first
required condition is present (a yes answer, a fact or a no answer), in an index
built once per knowledge.
"""

from __future__ import annotations

from functools import cache
from operator import attrgetter
from typing import NamedTuple

from radiculog.engine import rereading
from radiculog.engine.findings import Findings
from radiculog.engine.function import own_deficit_sides
from radiculog.engine.knowledge import TIERS, Knowledge, Rule
from radiculog.engine.more_facts import more_facts

OTHER = {"left": "right", "right": "left"}
_REGION = attrgetter("region")
_LEGS = {
    (False, False): (),
    (True, False): ("left",),
    (False, True): ("right",),
    (True, True): ("left", "right"),
}


class Reason(NamedTuple):
    id: str
    tier: str
    text: str
    action: str
    sources: tuple[str, ...]
    tell: str = ""  # what to say when you get there (emergency causes); empty: the tier's


def worded(
    knowledge: Knowledge,
    key: str,
    reason_id: str = "",
    tier: str = "",
    sources_before: tuple[str, ...] = (),
    tell: str = "",
    **values: object,
) -> Reason:
    """The reason in the words of knowledge/reasons.toml [key], ``values`` filled in;
    its id ``reason_id`` or the key, its tier ``tier`` or the file's (method.toml holds
    the trend reasons' tiers), ``sources_before`` ahead of the file's sources, and
    ``tell`` in place of the file's."""
    words = knowledge.reasons[key]
    text, action, own_tell = words.words(values)
    tier = tier or words.tier
    if tier not in TIERS:
        raise ValueError(f"reason {reason_id or key}: no tier")
    sources = (*sources_before, *words.sources) if sources_before else words.sources
    return Reason(reason_id or key, tier, text, action, sources, tell or own_tell)


def facts(
    findings: Findings, knowledge: Knowledge | None = None, log_facts: frozenset[str] = frozenset()
) -> set[str]:
    """Things the screening rules may ask about besides answers (listed at the top of
    red_flags.toml); with the knowledge, also its [[derived]] facts, which may read the
    ``log_facts`` only a log can show (strength_falling_in_log gives new_deficit)."""
    found = set(log_facts)
    left, right = findings.leg_marks  # every mark with a side but the low back's
    leg_sides = set(_LEGS[bool(left), bool(right)])
    if "saddle" in map(_REGION, findings.marked()):
        found.add("saddle_marked")
        leg_sides = set()  # counted again without the saddle's marks (it is not a leg)
        for item in findings.marked():
            if item.region not in ("saddle", "low_back") and item.side:
                leg_sides.add(item.side)
    if len(leg_sides) == 2:
        found.add("both_legs_marked")
    # Both-sides facts use each side's own deficit (not one side against the other), so
    # a weaker value or a newly marked region can only add them, never take them away.
    own = own_deficit_sides(findings)
    if own or any(findings.weaker_sides.values()):  # deficit_sides(findings), not built
        found.add("weaker_on_test")
    if len(own) == 2:
        found.add("deficit_both_sides")
    if own and any(OTHER[side] in leg_sides for side in own):
        found.add("deficit_opposite_leg")  # weakness in the leg opposite marked symptoms
    if findings.reflexes and any(r.result == "brisk" for r in findings.reflexes):
        found.add("brisk_reflex")
    age = findings.age
    if age is not None:
        if age < 20:
            found.add("age_under_20")
        if age >= 70:
            found.add("age_70_plus")
    days = findings.days_since_onset
    if days is not None and days >= 42:
        found.add("onset_6_weeks_plus")
    else:
        found.add("onset_recent_or_unknown")  # an unknown onset is treated as new
    found |= more_facts(findings)  # issue 18's ages, reflexes and feeling
    if knowledge is not None:
        found |= derived_facts(findings, knowledge, found)
    return found


def derived_facts(findings: Findings, knowledge: Knowledge, known: set[str]) -> set[str]:
    """The [[derived]] facts that hold; only alternatives whose first required condition
    is present are tested (an index built once per knowledge, as for the rules)."""
    yes, no = findings.yes, findings.no
    derived = _derived(knowledge)
    candidates = derived.candidates(yes, no, known)
    return {rule.id for rule in candidates if fires(rule, yes, no, known)}


def fires(rule: Rule, yes: frozenset[str], no: frozenset[str], known: set[str]) -> bool:
    return (
        yes.issuperset(rule.when_yes)
        and no.isdisjoint(rule.when_not_no)
        and no.issuperset(rule.when_no)
        and yes.isdisjoint(rule.when_unanswered)
        and no.isdisjoint(rule.when_unanswered)
        and known.issuperset(rule.when_facts)
    )


class _Index(NamedTuple):
    """Rules by their first required condition: a rule can only fire when it is there."""

    always: tuple[Rule, ...]  # rules with no yes, fact or no condition to key them by
    by_yes: dict[str, tuple[Rule, ...]]
    by_fact: dict[str, tuple[Rule, ...]]
    by_no: dict[str, tuple[Rule, ...]]

    def candidates(self, yes: frozenset[str], no: frozenset[str], known: set[str]) -> list[Rule]:
        """The rules whose first condition is present (each rule once)."""
        found = list(self.always)
        # Set intersections first: most answers and facts key no rule.
        for question in yes.intersection(self.by_yes):
            found.extend(self.by_yes[question])
        for fact in known.intersection(self.by_fact):
            found.extend(self.by_fact[fact])
        for question in no.intersection(self.by_no):
            found.extend(self.by_no[question])
        return found


def _index(rules: tuple[Rule, ...]) -> _Index:
    always: list[Rule] = []
    keyed: tuple[dict[str, list[Rule]], ...] = ({}, {}, {})
    for rule in rules:
        for index, condition in zip(
            keyed, (rule.when_yes, rule.when_facts, rule.when_no), strict=True
        ):
            if condition:
                index.setdefault(min(condition), []).append(rule)
                break
        else:
            always.append(rule)
    by_yes, by_fact, by_no = ({k: tuple(v) for k, v in index.items()} for index in keyed)
    return _Index(tuple(always), by_yes, by_fact, by_no)


@cache
def _derived(knowledge: Knowledge) -> _Index:
    """Every alternative of every [[derived]] fact (each a Rule whose id is the fact)."""
    return _index(tuple(alt for _, alternatives in knowledge.derived for alt in alternatives))


class _Screen(NamedTuple):
    rules: _Index
    reason: dict[str, Reason]
    order: dict[str, tuple[int, int]]  # most urgent first, then the file's order


@cache
def _screen(knowledge: Knowledge) -> _Screen:
    return _Screen(
        _index(knowledge.rules),
        {r.id: Reason(r.id, r.tier, r.text, r.action, r.sources, r.tell) for r in knowledge.rules},
        {r.id: (-TIERS.index(r.tier), i) for i, r in enumerate(knowledge.rules)},
    )


def fired_reasons(
    findings: Findings, knowledge: Knowledge, extra_facts: frozenset[str] = frozenset()
) -> list[Reason]:
    """The rules that fire, most urgent first; the knowledge file's order within a tier.
    ``extra_facts`` are facts only a log can show (e.g. second_leg_new). Answers other
    findings contradict, and what the notes say, add the more urgent reading's reasons
    (rereading.py): never fewer reasons than the answers as given."""
    fired, known = _fired(findings, knowledge, extra_facts)
    return rereading.more_urgent_reading(
        findings, known, fired, lambda reread: _fired(reread, knowledge, extra_facts)[0]
    )


def _fired(
    findings: Findings, knowledge: Knowledge, extra_facts: frozenset[str]
) -> tuple[list[Reason], set[str]]:
    screen = _screen(knowledge)
    known = facts(findings, knowledge, extra_facts)
    yes, no = findings.yes, findings.no
    candidates = screen.rules.candidates(yes, no, known)
    fired = [rule.id for rule in candidates if fires(rule, yes, no, known)]
    fired.sort(key=screen.order.__getitem__)
    return [screen.reason[rule_id] for rule_id in fired], known


def missing_safety(findings: Findings, knowledge: Knowledge) -> list[str]:
    answers = findings.answers
    if answers.keys() >= _safety_set(knowledge):  # the usual case: all answered
        return []
    return [q for q in knowledge.safety_ids if q not in answers]


@cache
def _safety_set(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(knowledge.safety_ids)


def most_urgent(tiers: list[str]) -> str:
    return max(tiers, key=TIERS.index)
