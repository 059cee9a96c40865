"""Screening a whole log, not only its newest entry.

A warning sign reported in any entry of the last 14 days (GIRFT 2023's window for
"new"), counted back from the present, keeps the log's tier at least at that sign's
tier, with a reason naming the entry and its date, until the person records that a
clinician has seen them about it (log_visits.py). A cauda equina sign older than the
window, unseen, keeps it at least urgent (GIRFT 2023: symptoms for more than two
weeks, urgent referral). Symptoms that newly reach the second leg count as "both
legs" even when the both-legs question stays "no". Window, tiers and sources:
knowledge/method.toml [log].
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import KeysView, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from radiculog.engine.findings import Findings
from radiculog.engine.function import own_deficit_sides
from radiculog.engine.knowledge import Knowledge
from radiculog.engine.log_visits import Visit, released
from radiculog.engine.notes import NoteSign, entry_findings, entry_signs
from radiculog.engine.notes import read as read_notes
from radiculog.engine.red_flags import Reason, fired_reasons, worded

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry

SECOND_LEG = frozenset({"second_leg_new"})


def window_start(
    entries: Sequence[LogEntry], k: Knowledge, now: datetime | None = None
) -> datetime:
    """The window counts back from the present (``now``; the newest entry when not
    given), so an entry mistyped into the future cannot push the others out of it."""
    anchor = entries[-1].at if now is None else now
    return anchor - timedelta(days=int(k.method["log"]["window_days"]))


def window_index(entries: Sequence[LogEntry], k: Knowledge, now: datetime | None = None) -> int:
    """The index of the first entry of the window (entries are oldest first), found by
    bisection: a year-long log is screened in time proportional to its last 14 days."""
    return bisect_left(entries, window_start(entries, k, now), key=lambda e: e.at)


def leg_sides(findings: Findings) -> frozenset[str]:
    return frozenset(
        m.side for m in findings.marked() if m.side and m.region not in ("low_back", "saddle")
    )


def second_leg_new(
    entries: Sequence[LogEntry], seen: Sequence[Visit], k: Knowledge, now: datetime | None = None
) -> frozenset[int]:
    """Indexes of entries of the window marking both legs after an entry marking one.
    A visit does not undo the one-leg entry before it (the spread may come after the
    visit); only a visit naming second_leg_new after both legs were marked does, as the
    clinician saw the spread."""
    one_leg, spread_at = False, None
    found = set()
    pending = [v for v in seen if v.names("second_leg_new")]
    for n in range(window_index(entries, k, now), len(entries)):
        entry = entries[n]
        while pending and pending[0].at < entry.at:
            if spread_at is not None and pending[0].at >= spread_at:
                one_leg, spread_at = False, None  # the clinician saw both legs
            pending.pop(0)
        sides = len(leg_sides(entry.findings))
        if sides == 2 and one_leg:
            found.add(n)
            spread_at = spread_at or entry.at
        elif sides == 1:
            one_leg = True
    return frozenset(found)


def when(entry: LogEntry) -> str:
    """The entry's own date and time, as the person gave it."""
    return f"{entry.at:%a %d %b %Y} at {entry.at:%H:%M}"


def earlier_reasons(
    entries: Sequence[LogEntry],
    seen: Sequence[Visit],
    k: Knowledge,
    newest_ids: set[str],
    now: datetime | None = None,
    extra: frozenset[str] = frozenset(),
) -> list[Reason]:
    """Warning signs from earlier entries of the window that no clinician has seen,
    one reason per rule (its latest report), unless the newest entry has it too.
    ``extra``: log facts that hold for every entry (strength_falling_in_log). The
    framing words and added sources: knowledge/reasons.toml [earlier]; the tier and
    tell are the rule's own."""
    new_second = second_leg_new(entries, seen, k, now)
    answered = entries[-1].findings.answers.keys()
    carried: dict[str, tuple[LogEntry, Reason]] = {}
    for n in range(window_index(entries, k, now), len(entries) - 1):
        entry = entries[n]
        facts = extra | (SECOND_LEG if n in new_second else frozenset())
        for r in fired_reasons(entry_findings(entry), k, facts):
            if (
                r.tier == "watchful"
                or r.id in newest_ids
                or released(r.id, entry.at, seen)
                or _resolved(r.id, answered, k)
            ):
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


def older_reasons(
    entries: Sequence[LogEntry],
    seen: Sequence[Visit],
    k: Knowledge,
    known_ids: set[str],
    now: datetime | None = None,
) -> list[Reason]:
    """Cauda equina signs of entries before the window (not the newest) that no
    clinician has seen: at least urgent, named with their date (method.toml [log])."""
    rule = k.method["log"]
    ces = carried_rules(k)
    carried: dict[str, tuple[LogEntry, Reason]] = {}
    for entry in entries[: min(window_index(entries, k, now), len(entries) - 1)]:
        findings = entry_findings(entry)
        if not may_fire_ces(findings, k):
            continue
        for r in fired_reasons(findings, k):
            sign = rule_of(r.id)
            if sign in ces and not released(sign, entry.at, seen):
                carried[sign] = entry, r
    return [
        worded(
            k,
            "older",
            f"older_{sign}",
            rule["older_than_window_tier"],
            r.sources,
            when=when(entry),
            sign_text=r.text,
        )
        # In rule order, not discovery order: the trend basis keeps fewer entries,
        # and must name the same signs in the same order as the whole log.
        for sign, (entry, r) in sorted(carried.items())
        if not {sign, r.id, f"earlier_{sign}", f"earlier_{r.id}"} & known_ids
    ]


# Reasons read from the notes or from contradicting answers carry their rule's id
# behind a prefix (rereading.py); a visit and the older-than-window check name the rule.
_READ_PREFIXES = ("note_", "reread_")


def rule_of(reason_id: str) -> str:
    for prefix in _READ_PREFIXES:
        if reason_id.startswith(prefix):
            return reason_id[len(prefix) :]
    return reason_id


@cache
def carried_rules(k: Knowledge) -> frozenset[str]:
    """The rules whose unseen sign is carried past the window (method.toml [log]): the
    cauda equina ones, and every emergency rule a yes answer fires."""
    log = k.method["log"]
    ids = set(log["cauda_equina_rules"])
    if log.get("older_than_window_emergency_answers", False):
        ids |= {r.id for r in k.rules if r.tier == "emergency" and r.when_yes}
    return frozenset(ids)


def older_indexes(entries: Sequence[LogEntry], k: Knowledge, before: int) -> set[int]:
    """The latest entry before index ``before`` for each cauda equina rule it fires:
    what older_reasons reads (the trend basis keeps them)."""
    ces = carried_rules(k)
    latest: dict[str, int] = {}
    for n in range(before):
        findings = entry_findings(entries[n])
        if not may_fire_ces(findings, k):
            continue
        for r in fired_reasons(findings, k):
            if rule_of(r.id) in ces:
                latest[rule_of(r.id)] = n
    return set(latest.values())


# The facts a cauda equina rule may need besides a yes answer, each checked cheaply
# below (second_leg_new is a log fact, never fired by an entry on its own).
CES_FACTS = frozenset(
    {"saddle_marked", "deficit_both_sides", "deficit_opposite_leg", "second_leg_new"}
)


@cache
def _ces_questions(k: Knowledge) -> frozenset[str]:
    ids = carried_rules(k)
    return frozenset(q for r in k.rules if r.id in ids for q in r.when_yes)


@cache
def _ces_deficit_rules(k: Knowledge) -> tuple[frozenset[str], ...]:
    """The when_not_no questions of each cauda equina rule that needs a deficit."""
    ids = frozenset(k.method["log"]["cauda_equina_rules"])
    deficit = {"deficit_both_sides", "deficit_opposite_leg"}
    return tuple(
        frozenset(r.when_not_no) for r in k.rules if r.id in ids and deficit & set(r.when_facts)
    )


def may_fire_ces(findings: Findings, k: Knowledge) -> bool:
    """Whether any cauda equina rule could fire for these findings: a yes to one of
    their questions, a saddle mark, or a side's own deficit. A cheap test that lets a
    year of entries before the window be read in a few milliseconds; a test checks
    that every such rule needs one of them."""
    if not _ces_questions(k).isdisjoint(findings.yes):
        return True
    if any(m.region == "saddle" for m in findings.marked()):
        return True
    if len(leg_sides(findings)) == 2:  # both legs marked: a contradicted "no" is reread
        return True
    if findings.notes and not _ces_questions(k).isdisjoint(
        s.question for s in read_notes(findings.notes, days_since_onset=findings.days_since_onset)
    ):
        return True
    if not findings.function:
        return False
    no = findings.no  # a deficit rule answered "no" (not new weakness) cannot fire
    if all(not questions.isdisjoint(no) for questions in _ces_deficit_rules(k)):
        return False
    return bool(own_deficit_sides(findings))


def falls_in_window(
    entries: Sequence[LogEntry], k: Knowledge, answers: frozenset[str], now: datetime | None = None
) -> bool:
    recent = entries[window_index(entries, k, now) :]
    return any(not answers.isdisjoint(e.findings.yes) for e in recent)


def notes_read(entries: Sequence[LogEntry], k: Knowledge) -> tuple[NoteSign, ...]:
    """What the window's entries were read as, newest entry first (each field on its own)."""
    window = entries[window_index(entries, k) :]
    return tuple(sign for entry in reversed(window) for sign in entry_signs(entry, when(entry)))
