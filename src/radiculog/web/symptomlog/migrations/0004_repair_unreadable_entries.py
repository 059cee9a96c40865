"""Repair entries that were accepted before every way in checked the same limits
(issue 11) and that broke the log page, report, PDF and exports:

- a null section, answer or item field ("function": null): left out, as the
  contract reads it;
- a NUL character or a lone surrogate in the notes, triggers or easers (only
  SQLite could store them): the NUL is removed, the surrogate becomes U+FFFD;
- a time before 1900 or after 2099: moved to when the log was started, and the
  time as given is kept in the entry's notes.

Self-contained on purpose: a migration must not change when the code does.
Nothing is deleted; going back leaves the repaired entries as they are.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from django.db import migrations

EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    return _SURROGATE.sub("\ufffd", value.replace("\x00", ""))


def _clean(value: Any) -> Any:
    """Nulls left out of objects, and every text made storable."""
    if isinstance(value, dict):
        return {_text(k): _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return _text(value) if isinstance(value, str) else value


def _in_range(at: datetime) -> bool:
    try:
        return EARLIEST <= at < LATEST
    except (OverflowError, TypeError):
        return False


def repair(apps: Any, schema_editor: Any) -> None:
    Entry = apps.get_model("symptomlog", "Entry")
    for entry in Entry.objects.select_related("log").iterator():
        changed: list[str] = []
        if isinstance(entry.findings, dict):
            findings = _clean(entry.findings)
            if findings != entry.findings:
                entry.findings, changed = findings, [*changed, "findings"]
        for name in ("triggers", "easers"):
            value = getattr(entry, name)
            if value and _text(value) != value:
                setattr(entry, name, _text(value))
                changed.append(name)
        if entry.at is not None and not _in_range(entry.at):
            note = f"Time given as {entry.at.isoformat()} was out of range; moved to when the log was started."
            if isinstance(entry.findings, dict):
                notes = str(entry.findings.get("notes", ""))
                entry.findings["notes"] = f"{notes}\n{note}".strip()[:4000]
            entry.at = entry.log.created
            changed += ["at", "findings"]
        if changed:
            entry.save(update_fields=sorted(set(changed)))
    # Every log's trend basis is worked out again from the repaired entries.
    apps.get_model("symptomlog", "Log").objects.update(trend_basis=None)


class Migration(migrations.Migration):
    dependencies = [
        ("symptomlog", "0003_log_trend_basis"),
    ]

    operations = [
        migrations.RunPython(repair, migrations.RunPython.noop),
    ]
