"""The engine calls the log pages make: the log's assessment with its trend, and
whether the trend calls for escalation.  No trend rules here: the engine
(`radiculog.trend`) decides; this module only reads its answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from radiculog.engine.log_visits import Visit
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


def assessment_of(read: ReadLog, seen: Sequence[Visit] = ()) -> dict[str, Any] | None:
    """The engine's assessment of a log already read (and parsed), as of now, or None
    when empty; ``seen``: the clinician-seen records (log@2 clinician_seen)."""
    if not read.parsed:
        return None
    result: dict[str, Any] = assess_log(read.parsed, seen, now=timezone.now()).to_dict()
    return result


def escalation(
    assessment: dict[str, Any] | None, newest_at: datetime | None = None
) -> Escalation | None:
    """What the banner at the top says, when the log calls for more than watching or
    holds any warning sign: every warning sign of the window with what to do (an
    earlier entry's names its own date and time; the newest entry's is named with
    ``newest_at``), and every escalation of the trend."""
    if assessment is None:
        return None
    urgency = assessment["urgency"]
    signs = [r for r in urgency.get("reasons", []) if _is_sign(r)]
    if not signs and urgency["tier"] not in ESCALATING_TIERS:
        return None
    when = _when(newest_at)
    reasons = [(_dated(r, when), str(r.get("action", ""))) for r in signs]
    return Escalation(
        tier=urgency["tier"],
        headline=str(urgency.get("headline", "")),
        action=str(urgency.get("action", "")),
        timing=str(urgency.get("timing", "")),
        reasons=[r for r in reasons if r[0]]
        or [_pair(r) for r in urgency.get("reasons", []) if r.get("tier") == urgency["tier"]],
    )


NOT_SIGNS = ("no_warning_signs", "screening_incomplete")
DATED = ("earlier_", "older_", "trend_")  # their words carry their own dates, or a series


def _is_sign(reason: Any) -> bool:
    return (
        isinstance(reason, dict)
        and reason.get("id") not in NOT_SIGNS
        and reason.get("tier") != "watchful"
    )


def _when(at: datetime | None) -> str:
    # The format of the log page's entry times, translatable like Django's own formats.
    shown = _("D j M, H:i")
    return "" if at is None else formats.date_format(timezone.localtime(at), shown)


def _dated(reason: dict[str, Any], when: str) -> str:
    text = str(reason.get("text", ""))
    if not when or str(reason.get("id", "")).startswith(DATED):
        return text
    return _("In your latest entry (%(when)s): %(text)s") % {"when": when, "text": text}


def _pair(reason: Any) -> tuple[str, str]:
    if isinstance(reason, dict):
        return str(reason.get("text", "")), str(reason.get("action", ""))
    return str(reason), ""
