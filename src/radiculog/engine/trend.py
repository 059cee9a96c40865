"""What a log shows over time, and the escalation it calls for.

A log's assessment is the newest entry's assessment, kept at least at the tier of
any warning sign of the last 14 days counted back from the present, and of an
unseen cauda equina sign before them (log_screen.py), and escalated by the trend,
read over the whole series of the window: a side getting weaker than its best is
at least urgent (and a new deficit for every combination rule), both sides getting
weaker an emergency, pain rising fast urgent, a drop that recovered, spreading
numbness and pain reaching further down the leg at least soon (tiers and sources
in knowledge/method.toml). Clinician-seen records release only what log_visits.py
allows; a weakness trend seen and not worse since stays as known weakness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from radiculog.engine import log_screen, log_series
from radiculog.engine.card import FALLS, decision_card
from radiculog.engine.findings import Findings
from radiculog.engine.function_trend import FunctionChange, function_changes, function_reasons
from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.log_visits import Seen, Visit, visits
from radiculog.engine.notes import entry_findings
from radiculog.engine.other_explanations import consider
from radiculog.engine.red_flags import Reason, most_urgent, worded

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry
    from radiculog.engine.assessment import Assessment

# A log fact: a strength test getting weaker over the window, not known to a
# clinician: a new deficit for every combination rule (red_flags.toml new_deficit).
FALLING = frozenset({"strength_falling_in_log"})
# A log fact: the weakness a clinician saw has not got worse since (disagreements.toml).
KNOWN = frozenset({"weakness_known_in_log"})


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


def _escalation(
    t: Trend, k: Knowledge, recent: tuple[LogEntry, ...], seen: Sequence[Visit]
) -> list[Reason]:
    """Words and sources: knowledge/reasons.toml; tiers: method.toml [trend]."""
    rule = k.method["trend"]
    reasons = function_reasons(t.function_changes, k)
    reasons += log_series.pain_escalation(recent, seen, k)
    if t.sensory == "spreading":
        tier = rule["sensory_spreading_tier"]
        reasons.append(worded(k, "trend_numbness_spreading", tier=tier))
    if t.pain_extent == "peripheralizing":
        reasons.append(worded(k, "trend_peripheralizing", tier=rule["peripheralizing_tier"]))
    return reasons


def compute_trend(
    entries: tuple[LogEntry, ...],
    knowledge: Knowledge | None = None,
    count: int | None = None,
    now: datetime | None = None,
    seen: Seen = (),
) -> Trend:
    """The trend of a log; ``entries`` may be just its trend basis (see trend_basis.py),
    with ``count`` the number of entries in the whole log; ``now`` the present (the
    window counts back from it; the newest entry when not given); ``seen`` the
    clinician-seen records (times or Visits)."""
    k = knowledge or load_knowledge()
    seen = visits(seen, now)
    first, last = entries[0].findings, entries[-1].findings
    changes = function_changes(entries, k, now, seen)
    count = len(entries) if count is None else count
    enough = count >= 2
    recent = entries[log_screen.window_index(entries, k, now) :]
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
        entries=count,
        first_at=entries[0].at,
        last_at=entries[-1].at,
        function=_overall([c.direction for c in changes]),
        # Numbness spreads only when the window shows it for 48 h (log_series.py).
        sensory=log_series.sensory_direction(recent, k)
        if enough and len(recent) >= 2
        else "stable"
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
    return replace(trend, escalation=tuple(_escalation(trend, k, recent, seen)))


def assess_log(
    entries: tuple[LogEntry, ...],
    seen: Seen = (),
    count: int | None = None,
    now: datetime | None = None,
) -> Assessment:
    """The newest entry's assessment, kept at least at every warning sign of the window
    not yet seen by a clinician (``seen``: log@2 clinician_seen, as times or Visits),
    and at least urgent for an unseen cauda equina sign before it, and escalated by
    the trend. ``entries`` may be the log's trend basis, with ``count`` the length of
    the whole log; ``now`` the present (the newest entry's time when not given)."""
    from radiculog.engine.assessment import Urgency, assess_findings

    k = load_knowledge()
    seen = visits(seen, now)
    trend = compute_trend(entries, k, count, now, seen)
    log_facts = FALLING if any(c.falling for c in trend.function_changes) else frozenset()
    if not log_facts and any(c.known for c in trend.function_changes):
        log_facts = KNOWN  # seen by a clinician, not worse since: not read as new

    last = len(entries) - 1
    second = log_screen.second_leg_new(entries, seen, k, now)
    extra = log_screen.SECOND_LEG if last in second else frozenset()
    newest = assess_findings(entry_findings(entries[-1]), k, extra | log_facts)
    have = {r.id for r in newest.urgency.reasons}
    earlier = log_screen.earlier_reasons(entries, seen, k, have, now, log_facts)
    have |= {r.id for r in earlier}
    older = log_screen.older_reasons(entries, seen, k, have, now)
    reasons = [*newest.urgency.reasons, *earlier, *older, *trend.escalation]
    if earlier or older or trend.escalation:
        reasons = [r for r in reasons if r.id != "no_warning_signs"]
    tier = most_urgent([r.tier for r in reasons])
    ordered = tuple(sorted(reasons, key=lambda r: -k.tiers[r.tier].rank))
    first = newest.urgency
    urgency = Urgency(tier, first.screening_complete, first.missing, ordered, first.read_as_yes)
    seated = log_screen.falls_in_window(entries, k, FALLS, now)
    return replace(
        newest,
        urgency=urgency,
        trend=trend,
        card=decision_card(k, tier, newest.roots, ordered, seated),
        other_explanations=tuple(consider(newest.findings, k, tier)),
        notes_read=log_screen.notes_read(entries, k),
    )


def trend_text(t: Trend, k: Knowledge) -> list[str]:
    lines = []
    for c in t.function_changes:
        name = k.home_tests[c.test].name
        line = f"{name}, {c.side}: {c.first} at first, {c.last} now"
        if c.best != c.first and c.direction == "worsening":
            line += f", {c.best} at best"
        if c.dip is not None:
            line += f", with a drop from {c.dip[0]} to {c.dip[1]} on the way"
        lines.append(f"{line} ({c.direction}).")
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
