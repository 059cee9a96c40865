"""A person's symptom log and its entries.

An entry keeps the findings@1 document as JSON (without the daily-measures
line, which lives in its own columns) plus the engine's tier for that entry
alone, so the triage history needs no re-assessment.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from radiculog.contract.errors import FindingsError
from radiculog.contract.limits import without_nulls
from radiculog.contract.parse import LogEntry, parse_log
from radiculog.summary.measures import DailyMeasures, measures_of, strip_measures, with_measures

SLEEP_CHOICES = [
    ("well", _("Slept well")),
    ("woken", _("Woke with pain")),
    ("barely", _("Hardly slept")),
]


class Log(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="symptom_log"
    )
    created = models.DateTimeField(default=timezone.now)
    # The person's time zone (IANA name, from their browser at sign-up), so
    # "08:00" in the log, the report and the exports is their morning.
    timezone = models.CharField(max_length=64, default="UTC")
    # Ids of the entries the trend reads (engine/trend_basis.py), so a new entry is
    # assessed without reading the whole log; null until worked out.
    trend_basis = models.JSONField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return f"log of user {self.owner_id}"

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def to_doc(self) -> dict[str, Any]:
        """The readable entries as a log@1 document, oldest first, in the person's zone."""
        return self.read().doc

    def read(self) -> ReadLog:
        """The log, with any entry that cannot be read set aside rather than
        breaking every page that shows the rest (see ReadLog)."""
        return read_entries(list(self.entries.all()), self.zone)

    def readable_items(self, chunk: int = 200) -> Iterator[dict[str, Any]]:
        """The readable entries as log items, oldest first, fetched `chunk` at a time:
        for exports that stream, so their memory does not grow with the log. An entry
        is readable here exactly when ``read()`` would keep it (it parses on its own)."""
        zone = self.zone
        for entry in self.entries.order_by("at", "id").iterator(chunk_size=chunk):
            item = _item_of(entry, zone)
            if item is not None and _parses(item):
                yield item


class Entry(models.Model):
    log = models.ForeignKey(Log, on_delete=models.CASCADE, related_name="entries")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    findings = models.JSONField()
    triggers = models.CharField(max_length=1000, blank=True)
    easers = models.CharField(max_length=1000, blank=True)
    pain = models.PositiveSmallIntegerField(null=True, blank=True)
    sleep = models.CharField(max_length=8, blank=True, choices=SLEEP_CHOICES)
    walk_minutes = models.PositiveIntegerField(null=True, blank=True)
    leg_pain = models.PositiveSmallIntegerField(null=True, blank=True)
    back_pain = models.PositiveSmallIntegerField(null=True, blank=True)
    painkillers = models.PositiveSmallIntegerField(null=True, blank=True)  # as-needed doses
    tier = models.CharField(max_length=10, blank=True)  # this entry's own triage tier

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"entry {self.pk} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def measures(self) -> DailyMeasures:
        return DailyMeasures(
            self.pain,
            self.sleep or None,
            self.walk_minutes,
            self.leg_pain,
            self.back_pain,
            self.painkillers,
        )

    def full_findings(self) -> dict[str, Any]:
        """The findings with the daily measures written into the notes (nulls left
        out, as the contract reads them)."""
        findings = without_nulls(self.findings)
        notes = with_measures(str(findings.get("notes", "")), self.measures)
        if notes:
            findings["notes"] = notes
        else:
            findings.pop("notes", None)
        return findings

    def to_item(self, zone: ZoneInfo | None = None) -> dict[str, Any]:
        at = self.at.astimezone(zone) if zone else self.at
        item: dict[str, Any] = {"at": at.isoformat(), "findings": self.full_findings()}
        if self.triggers:
            item["triggers"] = self.triggers
        if self.easers:
            item["easers"] = self.easers
        return item

    def set_findings(self, findings: dict[str, Any]) -> None:
        """Store findings, moving a measures line in the notes into the columns."""
        measures = measures_of(findings)
        self.pain, self.walk_minutes = measures.pain, measures.walk_minutes
        self.leg_pain, self.back_pain = measures.leg_pain, measures.back_pain
        self.painkillers = measures.painkillers
        self.sleep = measures.sleep or ""
        rest = strip_measures(str(findings.get("notes", "")))
        self.findings = {k: v for k, v in findings.items() if k != "notes"}
        if rest:
            self.findings["notes"] = rest


class Questionnaire(models.Model):
    """A weekly Roland-Morris Disability Questionnaire: which of the 24 sentences
    the person ticked (1-based numbers), and when. The score is how many."""

    log = models.ForeignKey(Log, on_delete=models.CASCADE, related_name="questionnaires")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    ticked = models.JSONField(default=list)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"Roland-Morris {self.score} at {self.at:%Y-%m-%d}"

    @property
    def score(self) -> int:
        return len(self.ticked)


class ClinicianSeen(models.Model):
    """The person's record that a clinician has seen them about their warning signs
    (log@2 ``clinician_seen``): signs reported before it stop holding the log's tier."""

    log = models.ForeignKey(Log, on_delete=models.CASCADE, related_name="clinician_seen")
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=1000, blank=True)
    # log@2 `signs`: the sign ids the person says the clinician saw (chosen from the
    # warning signs the log showed then); null for records from before they were asked
    # (every sign shown at that moment).
    signs = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"clinician seen at {self.at:%Y-%m-%d %H:%M}"


LOG_SCHEMA = "radiculog/log@1"


@dataclass
class ReadLog:
    """A log as the pages show it: the readable entries as a log@1 document (and
    parsed, so pages need not parse again), and the entries that could not be read
    (kept in the database, left out here, and named in a note on the page)."""

    doc: dict[str, Any]
    entries: list[Entry]  # the readable ones, in the document's order
    parsed: tuple[LogEntry, ...] | None
    unreadable: list[Entry] = field(default_factory=list)


def read_entries(entries: list[Entry], zone: ZoneInfo | None = None) -> ReadLog:
    """Entries (oldest first) as a ReadLog; the common case parses the log once."""
    readable, items, unreadable = [], [], []
    for entry in entries:
        item = _item_of(entry, zone)
        if item is None:
            unreadable.append(entry)
        else:
            items.append(item)
            readable.append(entry)
    doc = {"schema": LOG_SCHEMA, "entries": items}
    try:
        return ReadLog(doc, readable, parse_log(doc) if items else None, unreadable)
    except FindingsError:
        pass
    kept = [(entry, item) for entry, item in zip(readable, items, strict=True) if _parses(item)]
    kept_ids = {id(entry) for entry, _ in kept}
    unreadable += [entry for entry in readable if id(entry) not in kept_ids]
    unreadable.sort(key=lambda e: (e.at, e.pk or 0))
    doc = {"schema": LOG_SCHEMA, "entries": [item for _, item in kept]}
    parsed = parse_log(doc) if kept else None
    return ReadLog(doc, [entry for entry, _ in kept], parsed, unreadable)


def _item_of(entry: Entry, zone: ZoneInfo | None) -> dict[str, Any] | None:
    """The entry as a log item, or None when its date or findings cannot even be
    written out (a date that overflows in the person's zone, findings not an object)."""
    try:
        return entry.to_item(zone)
    except (OverflowError, ValueError, TypeError, AttributeError):
        return None


def _parses(item: dict[str, Any]) -> bool:
    try:
        parse_log({"schema": LOG_SCHEMA, "entries": [item]})
    except FindingsError:
        return False
    return True
