"""A person's symptom log and its entries.

An entry keeps the findings@1 document as JSON (without the daily-measures
line, which lives in its own columns) plus the engine's tier for that entry
alone, so the triage history needs no re-assessment.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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

    def __str__(self) -> str:
        return f"log of user {self.owner_id}"

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def to_doc(self) -> dict[str, Any]:
        """The whole log as a log@1 document, oldest first, times in the person's zone."""
        zone = self.zone
        return {
            "schema": "radiculog/log@1",
            "entries": [e.to_item(zone) for e in self.entries.all()],
        }


class Entry(models.Model):
    log = models.ForeignKey(Log, on_delete=models.CASCADE, related_name="entries")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    findings = models.JSONField()
    triggers = models.CharField(max_length=1000, blank=True)
    easers = models.CharField(max_length=1000, blank=True)
    pain = models.PositiveSmallIntegerField(null=True, blank=True)
    sleep = models.CharField(max_length=8, blank=True, choices=SLEEP_CHOICES)
    walk_minutes = models.PositiveIntegerField(null=True, blank=True)
    tier = models.CharField(max_length=10, blank=True)  # this entry's own triage tier

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"entry {self.pk} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def measures(self) -> DailyMeasures:
        return DailyMeasures(self.pain, self.sleep or None, self.walk_minutes)

    def full_findings(self) -> dict[str, Any]:
        """The findings with the daily measures written into the notes."""
        findings = dict(self.findings)
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
        self.sleep = measures.sleep or ""
        rest = strip_measures(str(findings.get("notes", "")))
        self.findings = {k: v for k, v in findings.items() if k != "notes"}
        if rest:
            self.findings["notes"] = rest
