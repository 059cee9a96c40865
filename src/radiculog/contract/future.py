"""No log entry or clinician-seen record may be dated in the future.

An entry mistyped into next year would otherwise sit at the end of the log as its
newest, and a booked appointment recorded as "a clinician has seen me" would release
warning signs before it has happened. Every way in (web form, API, import, command
line) refuses them with this message. A few minutes' grace allow for a phone's clock
running ahead of the server's.
"""

from __future__ import annotations

from datetime import datetime, timedelta

GRACE = timedelta(minutes=5)


def future_problem(at: datetime, now: datetime) -> str | None:
    """Why ``at`` cannot be saved, or None. Naive times are read as UTC."""
    if at.tzinfo is None or now.tzinfo is None:
        return None  # compared only when both carry a zone (the parsers require one)
    if at > now + GRACE:
        return f"is in the future (after {now:%Y-%m-%d %H:%M} {now:%Z}); give the time it happened"
    return None
