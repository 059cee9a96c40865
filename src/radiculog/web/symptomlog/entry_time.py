"""When an entry happened: now, or a time earlier today or yesterday.

A person who forgot this morning's check can add it in the evening. Entries
may not be in the future, nor before the start of yesterday on the person's own
clock: a two-day memory is still a fair record of a morning's strength test,
an older one is not, and the 72-hour log's trend reads each entry's own time.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ("now", "today", "yesterday")


class EntryTimeError(ValueError):
    """Names the field and what is allowed, for the form to show."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


def earliest(now: datetime, zone: ZoneInfo) -> datetime:
    """Midnight at the start of yesterday, on the person's clock."""
    local = now.astimezone(zone)
    start = datetime.combine(local.date() - timedelta(days=1), time(0, 0), tzinfo=zone)
    return start


def entry_moment(day: str, at: time | None, now: datetime, zone: ZoneInfo) -> datetime:
    """The aware moment an entry stands for; raises EntryTimeError when not allowed."""
    if day not in DAYS:
        raise EntryTimeError("when_day", f"choose one of {', '.join(DAYS)}")
    if day == "now":
        return now
    if at is None:
        raise EntryTimeError("when_time", "give the time of the check")
    local_day = now.astimezone(zone).date() - timedelta(days=1 if day == "yesterday" else 0)
    moment = datetime.combine(local_day, at, tzinfo=zone)
    if moment > now:
        raise EntryTimeError("when_time", "that time has not come yet today")
    if moment < earliest(now, zone):  # only reachable across a clock change
        raise EntryTimeError("when_day", "an entry can go back to yesterday, no further")
    return moment
