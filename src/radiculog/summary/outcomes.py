"""Outcome measures in words a clinician can act on: leg pain, back pain and the
Roland-Morris disability score, first against latest, and whether the change is
larger than the published smallest detectable change for one person
(knowledge/outcomes.toml). Below it the report says "within day-to-day variation".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any

from radiculog.summary.measures import measures_of
from radiculog.summary.series import entries, parse_at

NOISE = "within day-to-day variation"


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    lowest: int
    highest: int
    sdc: float  # smallest detectable change for one person
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    measure: Measure
    first: int
    latest: int
    first_at: datetime
    latest_at: datetime

    @property
    def size(self) -> int:
        return abs(self.latest - self.first)

    @property
    def real(self) -> bool:
        """Larger than the SDC (equal is not enough: the SDC is the noise's edge)."""
        return self.size > self.measure.sdc


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(files("radiculog.knowledge").joinpath(name).read_text("utf-8"))


@cache
def measures() -> dict[str, Measure]:
    return {
        key: Measure(
            key,
            str(v["label"]),
            int(v["lowest"]),
            int(v["highest"]),
            float(v["sdc"]),
            tuple(v["sources"]),
        )
        for key, v in _toml("outcomes.toml").items()
    }


@cache
def rmdq() -> dict[str, Any]:
    return _toml("rmdq.toml")


def rmdq_every_days() -> int:
    return int(_toml("outcomes.toml")["rmdq"]["every_days"])


def rmdq_score(ticked: Iterable[int]) -> int:
    """The score: how many of the 24 sentences were ticked (1-based numbers)."""
    numbers = list(ticked)
    count = len(rmdq()["items"])
    bad = [n for n in numbers if not 1 <= n <= count]
    if bad or len(set(numbers)) != len(numbers):
        raise ValueError(f"rmdq items: {numbers!r}; expected distinct numbers from 1 to {count}")
    return len(numbers)


@cache
def cite(source: str) -> str:
    """ "Parai 2020": the first author's surname and the year, from sources.toml."""
    entry = _toml("sources.toml")[source]
    return f"{str(entry['authors']).split()[0]} {entry['year']}"


def change_of(measure: Measure, series: Sequence[tuple[datetime, int | None]]) -> Change | None:
    """First against latest of the values given (None: not asked at that entry)."""
    given = [(at, value) for at, value in series if value is not None]
    if len(given) < 2:
        return None
    (first_at, first), (latest_at, latest) = given[0], given[-1]
    return Change(measure, first, latest, first_at, latest_at)


def sentence(change: Change) -> str:
    m = change.measure
    head = (
        f"{m.label} {change.first} → {change.latest} of {m.highest} "
        f"({change.first_at:%d %b} to {change.latest_at:%d %b})"
    )
    where = cite(m.sources[0])
    sdc = f"{m.sdc:g}"
    if not change.real:
        return f"{head}: {NOISE} (real change for one person: more than {sdc}; {where})."
    way = "better" if change.latest < change.first else "worse"  # higher is worse on all three
    points = "point" if change.size == 1 else "points"
    return f"{head}: {way} by {change.size} {points}, beyond one person's noise of {sdc} ({where})."


def outcome_sentences(
    log: Mapping[str, Any], rmdq_scores: Sequence[tuple[datetime, int]] = ()
) -> list[str]:
    """Leg pain, back pain, Roland-Morris and painkillers, one sentence each when known."""
    items = entries(log)
    m = measures()
    daily = [(parse_at(e["at"]), measures_of(e["findings"])) for e in items]
    out = []
    for key in ("leg_pain", "back_pain"):
        change = change_of(m[key], [(at, getattr(d, key)) for at, d in daily])
        if change is not None:
            out.append(sentence(change))
    change = change_of(m["rmdq"], list(rmdq_scores))
    if change is not None:
        out.append(sentence(change))
    elif rmdq_scores:
        at, score = rmdq_scores[-1]
        out.append(f"{m['rmdq'].label} {score} of 24 ({at:%d %b}); one score so far.")
    pills = [d.painkillers for _at, d in daily if d.painkillers is not None]
    if pills:
        noun = "entry" if len(pills) == 1 else "entries"
        out.append(
            f"As-needed painkillers: {sum(pills)} doses over {len(pills)} {noun} "
            f"(latest entry: {pills[-1]})."
        )
    return out
