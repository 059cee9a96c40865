"""Adding entries to a log at a cost that does not grow with the log.

Each entry keeps the tier the log had once it was added (what the person was told
then). The tier comes from the log's trend basis (the few entries the trend reads,
engine/trend_basis.py) plus the new entry, so a write reads at most ~45 entries
whatever the log's length. The basis is worked out again from the whole log only
when it is unknown: after an import, after deleting one of its entries, or after
an entry dated before the newest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from radiculog.contract.parse import LogEntry, parse_log
from radiculog.engine.trend import assess_log
from radiculog.engine.trend_basis import trend_basis
from radiculog.exports.log_json import ImportedEntry
from radiculog.web.symptomlog.models import LOG_SCHEMA, Entry, Log, read_entries
from radiculog.web.symptomlog.seen import seen_times

MEASURE_FIELDS = (
    "triggers", "easers", "pain", "sleep", "walk_minutes", "leg_pain", "back_pain", "painkillers",
)  # fmt: skip


def _parsed(entry: Entry) -> LogEntry:
    return parse_log({"schema": LOG_SCHEMA, "entries": [entry.to_item()]})[0]


def _basis_ids(log: Log) -> list[int]:
    """The ids of the log's trend basis, worked out from the whole log if unknown."""
    if log.trend_basis is None:
        read = read_entries(list(log.entries.all()))
        indexes = trend_basis(read.parsed or ())
        log.trend_basis = [read.entries[i].pk for i in indexes]
        log.save(update_fields=["trend_basis"])
    return [int(pk) for pk in log.trend_basis]


def add_entry(log: Log, findings: dict[str, Any], **fields: Any) -> Entry:
    """Save an entry with the tier the log had once it was added."""
    with transaction.atomic():
        # Two entries saved at once must not each write a basis without the other.
        locked = Log.objects.select_for_update().only("trend_basis").get(pk=log.pk)
        log.trend_basis = locked.trend_basis
        return _add(log, findings, fields)


def _add(log: Log, findings: dict[str, Any], fields: dict[str, Any]) -> Entry:
    entry = Entry(log=log, **{k: v for k, v in fields.items() if k in ("at",)})
    entry.set_findings(findings)
    for key in MEASURE_FIELDS:
        if key in fields:
            setattr(entry, key, fields[key])
    new = _parsed(entry)
    newest = not log.entries.filter(at__gt=entry.at).exists()
    if newest:
        earlier = read_entries(list(log.entries.filter(pk__in=_basis_ids(log))))
        count = log.entries.count() + 1 if earlier.entries else 1
    else:  # dated before the newest entry (API, carried-over check): the rare, slow path
        earlier = read_entries(list(log.entries.filter(at__lte=entry.at)))
        count = None
    candidates = (*(earlier.parsed or ()), new)
    entry.tier = assess_log(candidates, _seen_by(log, entry.at), count).urgency.tier
    entry.save()
    if newest:
        kept = [*earlier.entries, entry]
        log.trend_basis = [kept[i].pk for i in trend_basis(candidates)]
    else:
        log.trend_basis = None
    log.save(update_fields=["trend_basis"])
    return entry


def _seen_by(log: Log, moment: datetime) -> list[datetime]:
    """Clinician-seen records up to an entry's time: what the person had recorded then."""
    return [at for at in seen_times(log) if at <= moment]


def import_entries(log: Log, items: list[ImportedEntry]) -> int:
    """Add imported entries, skipping any at a moment the log already has; each
    new entry gets the tier of the log up to it. Returns how many were added."""
    have = set(log.entries.values_list("at", flat=True))
    entries = []
    for item in items:
        if item.at in have:
            continue
        entry = Entry(log=log, at=item.at, triggers=item.triggers, easers=item.easers)
        entry.set_findings(item.findings)
        entries.append(entry)
    merged = sorted([*log.entries.all(), *entries], key=lambda e: (e.at, e.pk is None))
    read = read_entries(merged)
    # One pass, folding the basis: each prefix is assessed from its basis alone.
    basis: tuple[LogEntry, ...] = ()
    seen = seen_times(log)  # read once, not once per entry
    for count, (entry, parsed) in enumerate(zip(read.entries, read.parsed or (), strict=True), 1):
        candidates = (*basis, parsed)
        if entry.pk is None:
            by_then = [at for at in seen if at <= entry.at]
            entry.tier = assess_log(candidates, by_then, count).urgency.tier
        basis = tuple(candidates[i] for i in trend_basis(candidates))
    Entry.objects.bulk_create(entries)
    log.trend_basis = None  # the new entries' ids are known only now; worked out on next use
    log.save(update_fields=["trend_basis"])
    return len(entries)


def delete_entry(entry: Entry) -> None:
    """Delete an entry; if the trend read it, the basis is worked out again next time."""
    log = entry.log
    if log.trend_basis is not None and entry.pk in log.trend_basis:
        log.trend_basis = None
        log.save(update_fields=["trend_basis"])
    entry.delete()


def current_assessment(log: Log) -> dict[str, Any] | None:
    """The log's assessment now, read from its trend basis alone."""
    read = read_entries(list(log.entries.filter(pk__in=_basis_ids(log))))
    if not read.parsed:
        return None
    count = max(len(read.parsed), log.entries.count())
    result: dict[str, Any] = assess_log(read.parsed, seen_times(log), count).to_dict()
    return result
