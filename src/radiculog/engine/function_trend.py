"""A log's strength tests over time: each test and side read over the whole series
of the window (its best, a drop that recovered, a drop seen on both sides), and
the reasons they give.

Tiers: knowledge/method.toml [trend] and [trend_series]; the reasons' words and
sources: knowledge/reasons.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from radiculog.engine import log_screen
from radiculog.engine.findings import SIDES, FunctionValue
from radiculog.engine.function import is_weaker, side_deficit
from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.red_flags import Reason, worded

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry


@dataclass(frozen=True)
class FunctionChange:
    test: str
    side: str
    first: FunctionValue
    last: FunctionValue
    direction: str  # worsening | improving | stable
    best: FunctionValue = None  # the strongest value of the window before the newest
    dip: tuple[FunctionValue, FunctionValue] | None = None  # a drop since recovered


def _values(entries: tuple[LogEntry, ...], test: str, side: str) -> list[FunctionValue]:
    found = []
    for entry in entries:
        for result in entry.findings.function:
            if result.test == test and result.value(side) is not None:
                found.append(result.value(side))
    return found


def _new_asymmetry(entries: tuple[LogEntry, ...], test: str, side: str) -> bool:
    """This side was not weaker than the other at first, and is clearly weaker now."""
    tested = [e.findings for e in entries if test in e.findings.weaker_sides]
    if len(tested) < 2:
        return False
    return tested[0].weaker_sides[test] != side and tested[-1].weaker_sides[test] == side


def _strongest(values: list[FunctionValue], test: str) -> FunctionValue:
    best = values[0]
    for value in values[1:]:
        if is_weaker(best, value, test):
            best = value
    return best


def _dip(values: list[FunctionValue], test: str) -> tuple[FunctionValue, FunctionValue] | None:
    """The worst drop between two values before the newest, if any."""
    for j in range(1, len(values) - 1):
        for i in range(j):
            if is_weaker(values[j], values[i], test):
                return values[i], values[j]
    return None


def _peak(values: list[FunctionValue]) -> int | None:
    """The highest count (a small rise is not "clearly stronger", yet it is the
    side's own best to drop from)."""
    return max((v for v in values if isinstance(v, int)), default=None)


def _dropped(values: list[FunctionValue], k: Knowledge) -> bool:
    """The newest count is at least ``both_sides_drop_min_reps`` fewer than the side's
    highest earlier count and at most ``both_sides_drop_max_ratio`` of it
    (method.toml [trend_series]). Words compare by rank (is_weaker), not by a drop."""
    last, peak = values[-1], _peak(values[:-1])
    if not isinstance(last, int) or peak is None:
        return False
    series = k.method["trend_series"]
    fewer: int = series["both_sides_drop_min_reps"]
    ratio: float = series["both_sides_drop_max_ratio"]
    return peak - last >= fewer and last <= ratio * peak


def function_changes(
    entries: tuple[LogEntry, ...], knowledge: Knowledge | None = None
) -> list[FunctionChange]:
    """Each test and side over the window: worsening when the newest value is clearly
    weaker than any earlier one (or newly below the norm), not only the first, or
    when both sides of the test dropped from their own best."""
    k = knowledge or load_knowledge()
    recent = entries[log_screen.window_index(entries, k) :]
    tests = sorted({r.test for e in recent for r in e.findings.function})
    changes = []
    for test in tests:
        sides = {side: _values(recent, test, side) for side in SIDES}
        sides = {side: values for side, values in sides.items() if len(values) >= 2}
        both_dropped = len(sides) == 2 and all(_dropped(v, k) for v in sides.values())
        for side, values in sides.items():
            first, last = values[0], values[-1]
            best = _peak(values[:-1]) if both_dropped else _strongest(values[:-1], test)
            direction, dip = "stable", None
            newly_weak = side_deficit(last, test) and not side_deficit(best, test)
            if (
                both_dropped
                or is_weaker(last, best, test)
                or newly_weak
                or _new_asymmetry(recent, test, side)
            ):
                direction = "worsening"
            elif is_weaker(first, last, test):
                direction = "improving"
            else:
                dip = _dip(values, test)
            changes.append(FunctionChange(test, side, first, last, direction, best, dip))
    return changes


def function_reasons(changes: tuple[FunctionChange, ...], k: Knowledge) -> list[Reason]:
    """Words and sources: knowledge/reasons.toml [trend_weaker], [trend_dip] and
    [trend_weaker_both_sides]; tiers: method.toml [trend] and [trend_series]."""
    rule, series = k.method["trend"], k.method["trend_series"]
    reasons = []
    worse_sides = set()
    for c in changes:
        name = k.home_tests[c.test].name.lower()
        if c.direction == "worsening":
            worse_sides.add(c.side)
            reasons.append(
                worded(
                    k,
                    "trend_weaker",
                    f"trend_weaker_{c.test}_{c.side}",
                    rule["function_worsening_tier"],
                    side=c.side,
                    test_name=name,
                    best=c.best,
                    last=c.last,
                )
            )
        elif c.dip is not None:
            reasons.append(
                worded(
                    k,
                    "trend_dip",
                    f"trend_dip_{c.test}_{c.side}",
                    series["function_dip_tier"],
                    side=c.side,
                    test_name=name,
                    dip_from=c.dip[0],
                    dip_to=c.dip[1],
                    last=c.last,
                )
            )
    if len(worse_sides) == 2:
        tier = series["function_worsening_both_sides_tier"]
        reasons.insert(0, worded(k, "trend_weaker_both_sides", tier=tier))
    return reasons
