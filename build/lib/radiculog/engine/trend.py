"""What a log shows over time, and the escalation it calls for.

A log's assessment is the newest entry's assessment, escalated by the trend:
a side getting weaker is at least urgent, spreading numbness and pain reaching
further down the leg at least soon (tiers and sources in knowledge/method.toml).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from radiculog.engine.card import decision_card
from radiculog.engine.findings import SIDES, Findings, FunctionValue
from radiculog.engine.function import is_weaker
from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.red_flags import Reason, most_urgent

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry
    from radiculog.engine.assessment import Assessment


@dataclass(frozen=True)
class FunctionChange:
    test: str
    side: str
    first: FunctionValue
    last: FunctionValue
    direction: str  # worsening | improving | stable


@dataclass(frozen=True)
class Trend:
    entries: int
    first_at: datetime
    last_at: datetime
    function: str
    sensory: str
    pain_extent: str
    function_changes: tuple[FunctionChange, ...]
    sensory_first: tuple[str, ...]  # "region:side" marked in the first entry
    sensory_last: tuple[str, ...]
    pain_level_first: int | None  # furthest-down pain level (0 back ... 7 toes)
    pain_level_last: int | None
    escalation: tuple[Reason, ...]


def _values(entries: tuple[LogEntry, ...], test: str, side: str) -> list[FunctionValue]:
    found = []
    for entry in entries:
        for result in entry.findings.function:
            if result.test == test and result.value(side) is not None:
                found.append(result.value(side))
    return found


def _new_asymmetry(entries: tuple[LogEntry, ...], test: str, side: str) -> bool:
    """This side was not weaker than the other at first, and is clearly weaker now."""
    tested = [e.findings for e in entries if test in e.findings.weaker_sides]
    if len(tested) < 2:
        return False
    return tested[0].weaker_sides[test] != side and tested[-1].weaker_sides[test] == side


def function_changes(entries: tuple[LogEntry, ...]) -> list[FunctionChange]:
    tests = sorted({r.test for e in entries for r in e.findings.function})
    changes = []
    for test in tests:
        for side in SIDES:
            values = _values(entries, test, side)
            if len(values) < 2:
                continue
            first, last = values[0], values[-1]
            direction = "stable"
            if is_weaker(last, first) or _new_asymmetry(entries, test, side):
                direction = "worsening"
            elif is_weaker(first, last):
                direction = "improving"
            changes.append(FunctionChange(test, side, first, last, direction))
    return changes


def _overall(directions: list[str]) -> str:
    if not directions:
        return "insufficient"
    for word in ("worsening", "improving"):
        if word in directions:
            return word
    return "stable"


def _sensory_set(findings: Findings) -> tuple[str, ...]:
    return tuple(sorted(f"{s.region}:{s.side or 'midline'}" for s in findings.sensory))


def _pain_level(findings: Findings, k: Knowledge) -> int | None:
    levels = [k.regions[r.region].level for r in findings.pain if r.side is not None]
    return max(levels) if levels else None


def _compare(first: float, last: float, up: str, down: str) -> str:
    return up if last > first else down if last < first else "stable"


def _escalation(t: Trend, k: Knowledge) -> list[Reason]:
    rule = k.method["trend"]
    reasons = []
    for c in t.function_changes:
        if c.direction == "worsening":
            name = k.home_tests[c.test].name
            reasons.append(
                Reason(
                    f"trend_weaker_{c.test}_{c.side}",
                    rule["function_worsening_tier"],
                    f"Your log shows the {c.side} side getting weaker on the {name.lower()}: "
                    f"{c.first} at first, {c.last} now. Weakness that is getting worse needs a "
                    "clinician's examination.",
                    "Call your GP, physiotherapist or NHS 111 today and show them your log.",
                    ("girft2023", "nice_cks_sciatica"),
                )
            )
    if t.sensory == "spreading":
        reasons.append(
            Reason(
                "trend_numbness_spreading",
                rule["sensory_spreading_tier"],
                "The area of numbness or tingling has grown over your log.",
                "Book an appointment within the next few days and bring your log.",
                ("nice_cks_sciatica", "radiculog_method"),
            )
        )
    if t.pain_extent == "peripheralizing":
        reasons.append(
            Reason(
                "trend_peripheralizing",
                rule["peripheralizing_tier"],
                "Your pain now reaches further down the leg than when you started the log.",
                "Book an appointment within the next few days and bring your log.",
                ("werneke2001", "may2012"),
            )
        )
    return reasons


def compute_trend(entries: tuple[LogEntry, ...], knowledge: Knowledge | None = None) -> Trend:
    k = knowledge or load_knowledge()
    first, last = entries[0].findings, entries[-1].findings
    changes = function_changes(entries)
    enough = len(entries) >= 2
    s_first, s_last = _sensory_set(first), _sensory_set(last)
    p_first, p_last = _pain_level(first, k), _pain_level(last, k)
    pain = "insufficient"
    if enough:
        pain = _compare(
            -1 if p_first is None else p_first,
            -1 if p_last is None else p_last,
            "peripheralizing",
            "centralizing",
        )
    trend = Trend(
        entries=len(entries),
        first_at=entries[0].at,
        last_at=entries[-1].at,
        function=_overall([c.direction for c in changes]),
        sensory=_compare(len(s_first), len(s_last), "spreading", "shrinking")
        if enough
        else "insufficient",
        pain_extent=pain,
        function_changes=tuple(changes),
        sensory_first=s_first,
        sensory_last=s_last,
        pain_level_first=p_first,
        pain_level_last=p_last,
        escalation=(),
    )
    return replace(trend, escalation=tuple(_escalation(trend, k)))


def assess_log(entries: tuple[LogEntry, ...]) -> Assessment:
    from radiculog.engine.assessment import Urgency, assess_findings

    k = load_knowledge()
    newest = assess_findings(entries[-1].findings, k)
    trend = compute_trend(entries, k)
    reasons = [*newest.urgency.reasons, *trend.escalation]
    if trend.escalation:
        reasons = [r for r in reasons if r.id != "no_warning_signs"]
    tier = most_urgent([r.tier for r in reasons])
    urgency = Urgency(
        tier,
        newest.urgency.screening_complete,
        newest.urgency.missing,
        tuple(sorted(reasons, key=lambda r: -k.tiers[r.tier].rank)),
    )
    return replace(newest, urgency=urgency, trend=trend, card=decision_card(k, tier, newest.roots))


def trend_text(t: Trend, k: Knowledge) -> list[str]:
    lines = []
    for c in t.function_changes:
        name = k.home_tests[c.test].name
        lines.append(f"{name}, {c.side}: {c.first} at first, {c.last} now ({c.direction}).")
    words = {
        "spreading": "The area of changed feeling has grown.",
        "shrinking": "The area of changed feeling has shrunk.",
        "stable": "The area of changed feeling has not changed in size.",
    }
    if t.sensory in words:
        lines.append(words[t.sensory])
    pain = {
        "peripheralizing": "Pain reaches further down the leg than at first (peripheralizing).",
        "centralizing": "Pain has moved back up toward the back (centralizing): a good sign.",
        "stable": "Pain reaches as far down the leg as at first.",
    }
    if t.pain_extent in pain:
        lines.append(pain[t.pain_extent])
    return lines


def trend_document(t: Trend) -> dict[str, Any]:
    k = load_knowledge()
    return {
        "entries": t.entries,
        "first_at": t.first_at.isoformat(),
        "last_at": t.last_at.isoformat(),
        "function": t.function,
        "sensory": t.sensory,
        "pain_extent": t.pain_extent,
        "function_changes": [
            {
                "test": c.test,
                "side": c.side,
                "first": c.first,
                "last": c.last,
                "direction": c.direction,
            }
            for c in t.function_changes
        ],
        "sensory_first": list(t.sensory_first),
        "sensory_last": list(t.sensory_last),
        "pain_level_first": t.pain_level_first,
        "pain_level_last": t.pain_level_last,
        "escalation": [
            {
                "id": r.id,
                "tier": r.tier,
                "text": r.text,
                "action": r.action,
                "sources": list(r.sources),
            }
            for r in t.escalation
        ],
        "text": trend_text(t, k),
    }
