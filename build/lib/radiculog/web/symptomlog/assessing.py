"""The engine calls the log pages make: one entry's tier, the log's trend, and
whether the trend calls for escalation.  No trend rules here: the engine
(`radiculog.trend`) decides; this module only reads its answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import radiculog

ESCALATING_TIERS = ("emergency", "urgent")


@dataclass(frozen=True)
class Escalation:
    tier: str
    headline: str
    action: str
    timing: str
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (what, what to do)


def log_tier(doc: dict[str, Any]) -> str:
    """The log's tier: its newest entry escalated by the trend so far."""
    tier: str = radiculog.trend(doc).urgency.tier
    return tier


def prefix_tiers(doc: dict[str, Any]) -> list[str]:
    """The log's tier after each entry, parsing the log once (for bulk imports:
    re-running `radiculog.trend` per entry would parse every prefix again)."""
    from radiculog.contract.parse import parse_log
    from radiculog.engine.trend import assess_log

    entries = parse_log(doc)
    return [assess_log(entries[: n + 1]).urgency.tier for n in range(len(entries))]


def log_assessment(doc: dict[str, Any]) -> dict[str, Any] | None:
    """The engine's assessment of the whole log, or None for an empty log."""
    if not doc["entries"]:
        return None
    result: dict[str, Any] = radiculog.trend(doc).to_dict()
    return result


def escalation(assessment: dict[str, Any] | None) -> Escalation | None:
    """What the banner at the top says, when the log calls for more than watching."""
    if assessment is None:
        return None
    urgency = assessment["urgency"]
    reasons = [_pair(r) for r in assessment.get("trend", {}).get("escalation", [])]
    if not reasons and urgency["tier"] not in ESCALATING_TIERS:
        return None
    if not reasons:
        reasons = [_pair(r) for r in urgency.get("reasons", []) if r.get("tier") == urgency["tier"]]
    return Escalation(
        tier=urgency["tier"],
        headline=str(urgency.get("headline", "")),
        action=str(urgency.get("action", "")),
        timing=str(urgency.get("timing", "")),
        reasons=[r for r in reasons if r[0]],
    )


def _pair(reason: Any) -> tuple[str, str]:
    if isinstance(reason, dict):
        return str(reason.get("text", "")), str(reason.get("action", ""))
    return str(reason), ""
