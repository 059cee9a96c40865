"""Per-entry series drawn from a log@1 document, for charts, tables and sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from radiculog.summary.labels import region_level
from radiculog.summary.measures import measures_of

Value = int | str | None  # reps, or "normal" / "weaker" / "unable", or not done


@dataclass(frozen=True)
class FunctionPoint:
    at: datetime
    left: Value
    right: Value


@dataclass(frozen=True)
class Point:
    at: datetime
    value: int | None


def parse_at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def entries(log: Mapping[str, Any]) -> Sequence[Mapping[str, Any]]:
    items: Sequence[Mapping[str, Any]] = log.get("entries", [])
    return items


def function_series(log: Mapping[str, Any]) -> dict[str, list[FunctionPoint]]:
    """For each function test ever done: its left/right values, oldest first."""
    series: dict[str, list[FunctionPoint]] = {}
    for entry in entries(log):
        at = parse_at(entry["at"])
        for item in entry["findings"].get("function", []):
            point = FunctionPoint(at, item.get("left"), item.get("right"))
            series.setdefault(item["test"], []).append(point)
    return series


def pain_series(log: Mapping[str, Any]) -> list[Point]:
    return [Point(parse_at(e["at"]), measures_of(e["findings"]).pain) for e in entries(log)]


def walk_series(log: Mapping[str, Any]) -> list[Point]:
    return [Point(parse_at(e["at"]), measures_of(e["findings"]).walk_minutes) for e in entries(log)]


def sensory_area_series(log: Mapping[str, Any]) -> list[Point]:
    """How many body-map regions have changed feeling at each entry."""
    return [Point(parse_at(e["at"]), len(e["findings"].get("sensory", []))) for e in entries(log)]


def pain_reach(findings: Mapping[str, Any]) -> int | None:
    """How far down the leg the pain reaches (0 back ... 7 toes); None without pain."""
    levels = [region_level(p["region"]) for p in findings.get("pain", [])]
    return max(levels) if levels else None


def reps(value: Value) -> int | None:
    """A value as a count for charts: "unable" is 0; words without a count are None."""
    if isinstance(value, int):
        return value
    return 0 if value == "unable" else None
