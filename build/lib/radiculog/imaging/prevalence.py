"""How often a finding is seen in people with no back pain, by age (Brinjikji 2015).

The table is knowledge/asymptomatic_prevalence.csv. Only the ages the source
reports are used: a person's age is matched to the nearest reported decade at
or below it (or the youngest, 20), and the text says which age the figure is for.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

PREVALENCE_FILE = "asymptomatic_prevalence.csv"


@dataclass(frozen=True)
class AgeRate:
    finding: str
    age: int  # the person's age
    table_age: int  # the age the figure is for
    percent: int
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "age": self.age,
            "table_age": self.table_age,
            "percent": self.percent,
            "source": self.source,
        }


@cache
def _table() -> dict[str, list[tuple[int, int, str]]]:
    text = resources.files("radiculog.knowledge").joinpath(PREVALENCE_FILE).read_text("utf-8")
    table: dict[str, list[tuple[int, int, str]]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        table.setdefault(row["finding"], []).append(
            (int(row["age"]), int(row["percent"]), row["source"])
        )
    for rows in table.values():
        rows.sort()
    return table


def findings_with_rates() -> list[str]:
    return sorted(_table())


def rate(finding: str, age: int) -> AgeRate | None:
    """The published rate in people without pain for the decade at or just below `age`."""
    rows = _table().get(finding)
    if not rows:
        return None
    at_or_below = [r for r in rows if r[0] <= age]
    table_age, percent, source = at_or_below[-1] if at_or_below else rows[0]
    return AgeRate(finding, age, table_age, percent, source)
