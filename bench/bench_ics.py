"""Time to write the reminder calendar (.ics) for 3 days (the default) and 31
days (the most allowed), two check-ins a day, with the icalendar library.

    .venv/bin/python bench/bench_ics.py
"""

from __future__ import annotations

import timeit
from datetime import UTC, date, datetime

from radiculog.exports.ics import next_days, reminders_ics

NOW = datetime(2026, 11, 21, tzinfo=UTC)


def main() -> None:
    for count in (3, 31):
        days = next_days(date(2026, 11, 21), count)
        runs = min(timeit.repeat(lambda d=days: reminders_ics(d, now=NOW), number=20, repeat=5))
        size = len(reminders_ics(days, now=NOW).encode())
        print(f"{count} days: {runs / 20 * 1000:.2f} ms, {size} bytes")


if __name__ == "__main__":
    main()
