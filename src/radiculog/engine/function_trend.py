"""A log's strength tests over time: each test and side read over the whole series
of the window (its best, a drop that recovered, a drop seen on both sides), and
the reasons they give.

Tiers: knowledge/method.toml [trend] and [trend_series]; the reasons' words and
sources: knowledge/reasons.toml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from radiculog.engine import log_screen
from radiculog.engine.findings import SIDES, FunctionValue
from radiculog.engine.function import is_weaker, side_deficit
from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.log_visits import Visit
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
    # Worsening that a clinician saw (a visit naming this trend, at this value) and that
    # has not got weaker since: known weakness (method.toml [trend] function_known_tier).
    seen: FunctionValue = None
    known: bool = False

    @property
    def sign(self) -> str:
        return f"trend_weaker_{self.test}_{self.side}"

    @property
    def falling(self) -> bool:
        """Getting weaker and not known: a new deficit for the combination rules."""
        return self.direction == "worsening" and not self.known


def _timed(
    entries: tuple[LogEntry, ...], test: str, side: str
) -> list[tuple[datetime, FunctionValue]]:
    found = []
    for entry in entries:
        for result in entry.findings.function:
            if result.test == test and result.value(side) is not None:
                found.append((entry.at, result.value(side)))
    return found


def _known(
    series: list[tuple[datetime, FunctionValue]], c: FunctionChange, seen: Sequence[Visit]
) -> FunctionChange:
    """The change as known weakness, when a visit naming it came once the side was
    already weak, and no value since is clearly weaker than the one the clinician saw."""
    for visit in reversed(seen):
        if not visit.names(c.sign):
            continue
        before = [v for at, v in series if at <= visit.at]
        after = [v for at, v in series if at > visit.at]
        if not before:
            continue
        shown = before[-1]
        weak = side_deficit(shown, c.test) or any(is_weaker(shown, v, c.test) for v in before)
        if weak and not any(is_weaker(v, shown, c.test) for v in after):
            return replace(c, seen=shown, known=True)
    return c


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
    entries: tuple[LogEntry, ...],
    knowledge: Knowledge | None = None,
    now: datetime | None = None,
    seen: Sequence[Visit] = (),
) -> list[FunctionChange]:
    """Each test and side over the window: worsening when the newest value is clearly
    weaker than any earlier one (or newly below the norm), not only the first, or
    when both sides of the test dropped from their own best; known when a clinician
    saw it and it has not got weaker since."""
    k = knowledge or load_knowledge()
    recent = entries[log_screen.window_index(entries, k, now) :]
    tests = sorted({r.test for e in recent for r in e.findings.function})
    changes = []
    for test in tests:
        timed = {side: _timed(recent, test, side) for side in SIDES}
        timed = {side: series for side, series in timed.items() if len(series) >= 2}
        sides = {side: [v for _, v in series] for side, series in timed.items()}
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
            change = FunctionChange(test, side, first, last, direction, best, dip)
            if direction == "worsening" and seen:
                change = _known(timed[side], change, seen)
            changes.append(change)
    return changes


def _known_reason(c: FunctionChange, k: Knowledge, name: str) -> Reason:
    """Known weakness: reasons.toml [trend_weaker_known]; tier: method.toml [trend]."""
    tier = k.method["trend"]["function_known_tier"]
    rid = f"trend_weaker_known_{c.test}_{c.side}"
    return worded(
        k, "trend_weaker_known", rid, tier, side=c.side, test_name=name, seen=c.seen, last=c.last
    )


def function_reasons(changes: tuple[FunctionChange, ...], k: Knowledge) -> list[Reason]:
    """Words and sources: knowledge/reasons.toml [trend_weaker], [trend_dip],
    [trend_weaker_known] and [trend_weaker_both_sides]; tiers: method.toml [trend] and
    [trend_series]. A known change is not a side getting weaker now."""
    rule, series = k.method["trend"], k.method["trend_series"]
    reasons = []
    worse_sides = set()
    for c in changes:
        name = k.home_tests[c.test].name.lower()
        if c.known:
            reasons.append(_known_reason(c, k, name))
        elif c.direction == "worsening":
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
