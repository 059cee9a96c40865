"""What a log's series of pain scores and numbness maps means for the screen.

- Pain rising fast: a score rising by at least ``pain_escalating_rise`` points to at
  least ``pain_escalating_to`` within ``pain_escalating_hours`` (3 -> 9 in a day) is
  the seed's "severe pain getting rapidly worse": call today, until a clinician has
  seen it (a clinician-seen record naming trend_pain_escalating, after it).
- Numbness spreading: only when the larger area is marked at every entry for at least
  ``sensory_consistent_hours`` up to the newest; spots that come and go (1, 3, none, 2)
  are not spreading. A spot the person marked as not repeatable is not counted.

Thresholds, tiers and sources: knowledge/method.toml [trend].
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from radiculog.engine.knowledge import Knowledge
from radiculog.engine.log_screen import when
from radiculog.engine.log_visits import Visit, released
from radiculog.engine.red_flags import Reason, worded

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry

PAIN_SIGN = "trend_pain_escalating"
# The measures line of the notes (summary/measures.py writes it): "Pain 6/10." and
# "Leg pain 6/10." (a test checks the two agree).
# The web log writes "Pain 3/10." and "Leg pain 5/10."; people type "pain 3/10",
# "pain is 8 / 10" or "leg pain: 6/10" in their notes, read the same way.
_SCORES = (
    re.compile(r"\b(?:leg |back )?pain(?: is| was| now| score| at)?:? ?(\d{1,2}) ?/ ?10\b", re.I),
    re.compile(r"\b(\d{1,2}) ?/ ?10 (?:leg |back )?pain\b", re.I),
)


def pain_score(entry: LogEntry) -> int | None:
    """The entry's pain 0-10: overall, or the leg's when higher."""
    notes = entry.findings.notes or ""
    found = [int(m.group(1)) for pattern in _SCORES for m in pattern.finditer(notes)]
    scores = [s for s in found if 0 <= s <= 10]
    return max(scores) if scores else None


def pain_escalation(
    recent: Sequence[LogEntry], seen: Sequence[Visit], k: Knowledge
) -> list[Reason]:
    """The latest fast rise of pain in the window's entries, unless a clinician saw it."""
    rule = k.method["trend"]
    rise, to = int(rule["pain_escalating_rise"]), int(rule["pain_escalating_to"])
    span = timedelta(hours=float(rule["pain_escalating_hours"]))
    scores = [(e, s) for e in recent if (s := pain_score(e)) is not None]
    found = None
    for j, (high_entry, high) in enumerate(scores):
        if high < to or released(PAIN_SIGN, high_entry.at, seen):
            continue
        for low_entry, low in scores[:j]:
            if high_entry.at - low_entry.at <= span and high - low >= rise:
                found = low, high, high_entry
                break
    if found is None:
        return []
    low, high, entry = found
    return [
        worded(
            k, PAIN_SIGN, tier=rule["pain_escalating_tier"], low=low, high=high, when=when(entry)
        )
    ]


def spots(entry: LogEntry) -> int:
    """Areas of changed feeling marked, leaving out any marked as not repeatable."""
    return sum(1 for s in entry.findings.sensory if s.repeatable is not False)


def sensory_direction(recent: Sequence[LogEntry], k: Knowledge) -> str:
    """spreading | shrinking | stable over the window (``recent``, two entries or more)."""
    counts = [(e.at, spots(e)) for e in recent]
    base, last = counts[0][1], counts[-1][1]
    if last < base:
        return "shrinking"
    if last == base:
        return "stable"
    since = counts[-1][0]
    for at, count in reversed(counts):
        if count <= base:
            break
        since = at
    hours = float(k.method["trend"]["sensory_consistent_hours"])
    return "spreading" if counts[-1][0] - since >= timedelta(hours=hours) else "stable"
