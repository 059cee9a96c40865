"""Clinician-seen records (log@2 ``clinician_seen``) and what each one releases.

A record releases a warning sign only when it is at or before the present (a booked
appointment has not happened), at or after the entry with the sign (the clinician
cannot have heard of a later one), and names the sign, or names none (log@2 without
``signs``: every sign shown at that moment, as before). It never releases a sign of
a later entry, nor one it does not name; the second-leg check and the trends have
their own rules (log_screen.second_leg_new, function_trend).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Visit:
    at: datetime
    # The reason ids the person says the clinician saw (rule ids, or a trend's id such
    # as trend_weaker_toe_lift_left); None: every sign the log showed at that moment.
    signs: frozenset[str] | None = None

    def names(self, sign: str) -> bool:
        return self.signs is None or sign in self.signs


Seen = Sequence["datetime | Visit"]


def visits(seen: Iterable[datetime | Visit], now: datetime | None = None) -> tuple[Visit, ...]:
    """The records as visits, oldest first; any dated after ``now`` left out."""
    out = [s if isinstance(s, Visit) else Visit(s) for s in seen]
    return tuple(sorted((v for v in out if now is None or v.at <= now), key=lambda v: v.at))


def released(sign: str, at: datetime, seen: Sequence[Visit]) -> bool:
    """A clinician saw this sign, reported at ``at``, at or after that moment."""
    return any(v.at >= at and v.names(sign) for v in seen)


def base(sign: str) -> str:
    """The sign behind a log reason id, as a visit names it (earlier_fever -> fever,
    trend_weaker_known_toe_lift_left -> trend_weaker_toe_lift_left)."""
    if sign.startswith("trend_weaker_known_"):
        return "trend_weaker_" + sign[len("trend_weaker_known_") :]
    for prefix in ("earlier_", "older_"):
        if sign.startswith(prefix):
            return sign[len(prefix) :]
    return sign
