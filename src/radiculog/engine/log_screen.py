"""Screening a whole log, not only its newest entry.

A warning sign reported in any entry of the last 14 days (GIRFT 2023's window for
"new") keeps the log's tier at least at that sign's tier, with a reason naming the
entry and its date, until the person records that a clinician has seen them after
it. And symptoms that newly reach the second leg count as "both legs" even when the
both-legs question stays "no". Window and sources: knowledge/method.toml [log].
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import KeysView, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from radiculog.engine.findings import Findings
from radiculog.engine.knowledge import Knowledge
from radiculog.engine.notes import NoteSign, entry_findings, entry_signs
from radiculog.engine.red_flags import Reason, fired_reasons, worded

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry

SECOND_LEG = frozenset({"second_leg_new"})


def window_start(entries: Sequence[LogEntry], k: Knowledge) -> datetime:
    return entries[-1].at - timedelta(days=int(k.method["log"]["window_days"]))


def window_index(entries: Sequence[LogEntry], k: Knowledge) -> int:
    """The index of the first entry of the window (entries are oldest first), found by
    bisection: a year-long log is screened in time proportional to its last 14 days."""
    return bisect_left(entries, window_start(entries, k), key=lambda e: e.at)


def covered(at: datetime, seen: Sequence[datetime]) -> bool:
    """A clinician has seen the person at or after this moment."""
    return any(when >= at for when in seen)


def leg_sides(findings: Findings) -> frozenset[str]:
    return frozenset(
        m.side for m in findings.marked() if m.side and m.region not in ("low_back", "saddle")
    )


def second_leg_new(
    entries: Sequence[LogEntry], seen: Sequence[datetime], k: Knowledge
) -> frozenset[int]:
    """Indexes of entries marking both legs after an entry in the window, not yet seen
    by a clinician, marked only one."""
    first = window_index(entries, k)
    one_leg = False
    found = set()
    for n in range(first, len(entries)):
        entry = entries[n]
        sides = leg_sides(entry.findings)
        if len(sides) == 2 and one_leg:
            found.add(n)
        elif len(sides) == 1 and not covered(entry.at, seen):
            one_leg = True
    return frozenset(found)


def when(entry: LogEntry) -> str:
    """The entry's own date and time, as the person gave it."""
    return f"{entry.at:%a %d %b %Y} at {entry.at:%H:%M}"


def earlier_reasons(
    entries: Sequence[LogEntry],
    seen: Sequence[datetime],
    k: Knowledge,
    newest_ids: set[str],
) -> list[Reason]:
    """Warning signs from earlier entries of the window that a clinician has not yet
    seen, one reason per rule (its latest report), unless the newest entry has it too.
    The framing words and added sources: knowledge/reasons.toml [earlier]; the tier and
    tell are the rule's own."""
    new_second = second_leg_new(entries, seen, k)
    answered = entries[-1].findings.answers.keys()
    carried: dict[str, tuple[LogEntry, Reason]] = {}
    for n in range(window_index(entries, k), len(entries) - 1):
        entry = entries[n]
        if covered(entry.at, seen):
            continue
        extra = SECOND_LEG if n in new_second else frozenset()
        for r in fired_reasons(entry_findings(entry), k, extra):
            if r.tier == "watchful" or r.id in newest_ids or _resolved(r.id, answered, k):
                continue
            carried[r.id] = entry, r
    return [
        worded(
            k,
            "earlier",
            f"earlier_{r.id}",
            r.tier,
            r.sources,
            r.tell,
            # Named by its own date and time, which do not change as the log grows.
            when=when(entry),
            sign_text=r.text,
            sign_action=r.action,
        )
        for entry, r in carried.values()
    ]


@cache
def _uncertainty_rules(k: Knowledge) -> dict[str, frozenset[str]]:
    """Rules that read nothing but unanswered questions (cauda_equina_unsure), by id."""
    return {
        r.id: r.when_unanswered
        for r in k.rules
        if r.when_unanswered and not (r.when_yes or r.when_no or r.when_not_no or r.when_facts)
    }


def _resolved(rule_id: str, answered: KeysView[str], k: Knowledge) -> bool:
    """An earlier "not sure" is not carried once the newest entry answers the questions:
    the answer is the newer information (a yes fires its own rule)."""
    questions = _uncertainty_rules(k).get(rule_id)
    return questions is not None and questions <= answered


def falls_in_window(entries: Sequence[LogEntry], k: Knowledge, answers: frozenset[str]) -> bool:
    recent = entries[window_index(entries, k) :]
    return any(not answers.isdisjoint(e.findings.yes) for e in recent)


def notes_read(entries: Sequence[LogEntry], k: Knowledge) -> tuple[NoteSign, ...]:
    """What the window's entries were read as, newest entry first (each field on its own)."""
    window = entries[window_index(entries, k) :]
    return tuple(sign for entry in reversed(window) for sign in entry_signs(entry, when(entry)))
