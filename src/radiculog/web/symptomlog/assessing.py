"""The engine calls the log pages make: the log's assessment with its trend, and
whether the trend calls for escalation.  No trend rules here: the engine
(`radiculog.trend`) decides; this module only reads its answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from radiculog.engine.trend import assess_log
from radiculog.web.symptomlog.models import ReadLog

ESCALATING_TIERS = ("emergency", "urgent")


@dataclass(frozen=True)
class Escalation:
    tier: str
    headline: str
    action: str
    timing: str
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (what, what to do)


def assessment_of(read: ReadLog, seen: Sequence[datetime] = ()) -> dict[str, Any] | None:
    """The engine's assessment of a log already read (and parsed), or None when empty;
    ``seen``: when a clinician saw the person (log@2 clinician_seen)."""
    if not read.parsed:
        return None
    result: dict[str, Any] = assess_log(read.parsed, seen).to_dict()
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
