"""Importing a log file in bounded batches, each its own short transaction.

A long import no longer holds the database's writer lock for its whole length (on
SQLite every other write, a sign-up included, waited behind it and failed): each batch
of entries, oldest first, commits on its own. Importing skips the moments the log
already has, so an import cut short (a worker timeout, a restart) is finished by
importing the same file again, and two tabs importing one file add each entry once:
each batch locks the log row first (PostgreSQL; SQLite's single writer does the same).
"""

from __future__ import annotations

from django.db import transaction

from radiculog.exports.log_json import ImportedLog
from radiculog.web.symptomlog.models import Log
from radiculog.web.symptomlog.seen import import_seen
from radiculog.web.symptomlog.writing import import_entries

BATCH = 500  # entries per transaction: well under a second of writing each


def import_document(log: Log, document: ImportedLog) -> int:
    """Add the document's clinician-seen records, then its entries; how many entries
    were added. The tiers are those of one import of the whole file."""
    with transaction.atomic():
        _lock(log)
        import_seen(log, document.seen)  # first: the entries' tiers read them
    entries = sorted(document.entries, key=lambda item: item.at)
    added = 0
    for start in range(0, len(entries), BATCH):
        with transaction.atomic():
            _lock(log)
            added += import_entries(log, entries[start : start + BATCH])
    return added


def _lock(log: Log) -> None:
    Log.objects.select_for_update().filter(pk=log.pk).exists()
