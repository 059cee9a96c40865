"""The daily measures of a quick log entry: pain 0–10, sleep and walking time.

log@1 entries only hold findings, triggers and easers, and findings@1 has no
field for these, so they travel in the findings' free-text `notes` as one line
a person can read and this module can parse back ("Pain 6/10. Sleep: woke
with pain. Walked 8 minutes.").  Anything else in the notes is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from radiculog.summary.labels import SLEEP_LABELS

_PAIN = re.compile(r"Pain (\d{1,2})/10\.")
_SLEEP = re.compile(r"Sleep: ([a-z ]+)\.")
_WALK = re.compile(r"Walked (\d{1,4}) minutes?\.")


class MeasureError(ValueError):
    """A daily measure out of range; names the field, the value and what is allowed."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(f"{field}: {value!r} is not allowed; expected {allowed}")
        self.field, self.value, self.allowed = field, value, allowed


@dataclass(frozen=True)
class DailyMeasures:
    pain: int | None = None  # 0-10 numeric rating
    sleep: str | None = None  # a key of SLEEP_LABELS
    walk_minutes: int | None = None

    def __post_init__(self) -> None:
        if self.pain is not None and not 0 <= self.pain <= 10:
            raise MeasureError("pain", self.pain, "a whole number from 0 to 10")
        if self.sleep is not None and self.sleep not in SLEEP_LABELS:
            raise MeasureError("sleep", self.sleep, ", ".join(SLEEP_LABELS))
        if self.walk_minutes is not None and not 0 <= self.walk_minutes <= 1440:
            raise MeasureError("walk_minutes", self.walk_minutes, "0 to 1440 minutes")

    def to_line(self) -> str:
        parts = []
        if self.pain is not None:
            parts.append(f"Pain {self.pain}/10.")
        if self.sleep is not None:
            parts.append(f"Sleep: {SLEEP_LABELS[self.sleep]}.")
        if self.walk_minutes is not None:
            unit = "minute" if self.walk_minutes == 1 else "minutes"
            parts.append(f"Walked {self.walk_minutes} {unit}.")
        return " ".join(parts)


def with_measures(notes: str, measures: DailyMeasures) -> str:
    """Notes text carrying the measures line first, then whatever else was written."""
    rest = strip_measures(notes)
    line = measures.to_line()
    return "\n".join(part for part in (line, rest) if part)


def strip_measures(notes: str) -> str:
    first, _, rest = notes.partition("\n")
    return (rest if parse_line(first) != DailyMeasures() else notes).strip()


def parse_line(line: str) -> DailyMeasures:
    pain = _PAIN.search(line)
    sleep = _SLEEP.search(line)
    walk = _WALK.search(line)
    by_label = {label: key for key, label in SLEEP_LABELS.items()}
    return DailyMeasures(
        pain=int(pain.group(1)) if pain and int(pain.group(1)) <= 10 else None,
        sleep=by_label.get(sleep.group(1)) if sleep else None,
        walk_minutes=int(walk.group(1)) if walk else None,
    )


def measures_of(findings: Mapping[str, Any]) -> DailyMeasures:
    """The measures recorded in a findings document's notes (all None if absent)."""
    notes = str(findings.get("notes", ""))
    return parse_line(notes.partition("\n")[0])
