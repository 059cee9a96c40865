"""Twice-daily check-in reminders as an iCalendar file (RFC 5545), written by the
`icalendar` library (escaping, line folding, CRLF endings are its job).

Times are "floating" local times (no time zone), so a 08:00 reminder rings at
08:00 wherever the phone is; each event carries a display alarm.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

DEFAULT_TIMES = (time(8, 0), time(20, 0))
PRODID = "-//Radiculog//Symptom log reminders//EN"
DESCRIPTION = "Quick check: body map, one strength test per side, pain 0-10, sleep, walking."
_NAMESPACE = uuid.UUID("0b9a3f1e-3c55-4e3a-9b1e-6c7d2f1e8a90")


class ReminderError(ValueError):
    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(f"{field}: {value!r} is not allowed; expected {allowed}")
        self.field, self.value, self.allowed = field, value, allowed


def _event(start: datetime, stamp: datetime, summary: str, url: str | None, seed: str) -> Event:
    event = Event()
    event.add("uid", f"{uuid.uuid5(_NAMESPACE, f'{seed}|{start.isoformat()}')}@radiculog")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)  # naive datetime: a floating local time
    event.add("duration", timedelta(minutes=5))
    event.add("summary", summary)
    event.add("description", DESCRIPTION)
    if url:
        event.add("url", url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event


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
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    for day in chosen:
        for at in sorted(times):
            calendar.add_component(_event(datetime.combine(day, at), stamp, summary, url, seed))
    text: str = calendar.to_ical().decode("utf-8")
    return text


def next_days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(count)]
