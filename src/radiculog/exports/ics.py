"""Twice-daily check-in reminders as an iCalendar file (RFC 5545).

Times are "floating" local times (no time zone), so a 08:00 reminder rings at
08:00 wherever the phone is; each event carries a display alarm.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

DEFAULT_TIMES = (time(8, 0), time(20, 0))
PRODID = "-//Radiculog//Symptom log reminders//EN"
_NAMESPACE = uuid.UUID("0b9a3f1e-3c55-4e3a-9b1e-6c7d2f1e8a90")


class ReminderError(ValueError):
    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(f"{field}: {value!r} is not allowed; expected {allowed}")
        self.field, self.value, self.allowed = field, value, allowed


def escape_text(text: str) -> str:
    """TEXT value escaping (RFC 5545 section 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (3.1)."""
    out: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not out else 74  # continuation lines start with a space
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _event(day: date, at: time, stamp: str, summary: str, url: str | None, seed: str) -> list[str]:
    start = datetime.combine(day, at)
    uid = uuid.uuid5(_NAMESPACE, f"{seed}|{start.isoformat()}")
    description = "Quick check: body map, one strength test per side, pain 0-10, sleep, walking."
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}@radiculog",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        "DURATION:PT5M",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
    ]
    if url:
        lines.append(f"URL:{url}")
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(summary)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
    ]
    return lines


def reminders_ics(
    days: Iterable[date],
    times: Sequence[time] = DEFAULT_TIMES,
    *,
    url: str | None = None,
    summary: str = "Radiculog check-in",
    seed: str = "",
    now: datetime | None = None,
) -> str:
    """One event per chosen day and time; `seed` keeps UIDs distinct per person."""
    chosen = sorted(set(days))
    if not chosen or len(chosen) > 31:
        raise ReminderError("days", len(chosen), "1 to 31 days")
    if not times:
        raise ReminderError("times", list(times), "at least one time of day")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for day in chosen:
        for at in sorted(times):
            lines += _event(day, at, stamp, summary, url, seed)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def next_days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(count)]
