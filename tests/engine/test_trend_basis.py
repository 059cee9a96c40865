"""The trend basis: assessing a new entry from the few entries the trend reads gives
the same answer as assessing the whole log (so a write need not read the log)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from radiculog.contract.parse import LogEntry, parse_findings
from radiculog.engine.trend import assess_log
from radiculog.engine.trend_basis import trend_basis
from tests.engine.test_properties import findings_docs

START = datetime(2026, 11, 20, 8, tzinfo=UTC)


def entries_of(docs: list[dict[str, Any]], hours: int = 12) -> tuple[LogEntry, ...]:
    return tuple(
        LogEntry(START + timedelta(hours=hours * i), parse_findings(d)) for i, d in enumerate(docs)
    )


def summary(entries: tuple[LogEntry, ...], count: int | None = None) -> Any:
    a = assess_log(entries, (), count)
    return a.urgency.tier, [r.id for r in a.urgency.reasons], a.trend, a.card


@settings(max_examples=150, deadline=None)
@given(st.lists(findings_docs(), min_size=1, max_size=12), st.sampled_from([12, 72]))
def test_folding_the_basis_gives_the_whole_logs_assessment_after_every_entry(
    docs: list[dict[str, Any]], hours: int
) -> None:
    # 72 hours apart, older entries leave the 14-day screening window and the basis
    log = entries_of(docs, hours)
    basis: tuple[LogEntry, ...] = ()
    for n, entry in enumerate(log, start=1):
        candidates = (*basis, entry)
        assert summary(candidates, n) == summary(log[:n])
        basis = tuple(candidates[i] for i in trend_basis(candidates))


def test_the_basis_keeps_first_and_last_of_each_test_and_side_the_window_and_nothing_else() -> None:
    calf = [{"test": "calf_raise", "left": 20, "right": n} for n in (20, 18, 19, 12, 15)]
    docs = [{"schema": "radiculog/findings@1", "function": [f]} for f in calf]
    docs.insert(2, {"schema": "radiculog/findings@1"})  # no strength test: not needed
    basis = trend_basis(entries_of(docs, hours=24 * 5))  # days 0, 5, 10, 15, 20, 25
    # first and last calf raise values (entries 0 and 5), the newest, every entry of
    # the 14-day window (days 15, 20, 25), and where the right side was first and
    # last judged clearly weaker (12 reps at entry 4, 15 at 5)
    assert 1 not in basis and 2 not in basis
    assert basis == [0, 3, 4, 5]


def test_a_years_log_has_a_basis_of_bounded_size() -> None:
    calf = [{"test": "calf_raise", "left": 20, "right": 20 - (i % 7)} for i in range(730)]
    docs = [{"schema": "radiculog/findings@1", "function": [f]} for f in calf]
    # first and last of each side and the weaker side, plus two entries a day for
    # the 14 days of the screening window
    assert len(trend_basis(entries_of(docs))) <= 2 + 2 * 3 + 2 * 14 + 1
