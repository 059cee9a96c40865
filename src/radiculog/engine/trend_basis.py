"""The few entries a log's trend reads, so adding an entry costs the same at any length.

The trend compares the first entry with the newest, and for each strength test
and side the first value with the last (and the first entry where one side is
clearly weaker with the last); warning signs and the strength series are read
over every entry of the screening window (the last 14 days, log_screen.py), and
an unseen cauda equina sign before it by its latest report (log_screen.older_reasons).
Every other entry can be left out without changing the trend or the tier. So the
web layer keeps the ids of these entries (at most 2 + 2 x 21 of them, plus the
window's) and assesses a new entry from them alone; a property test checks that
this gives the same answer as the whole log.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from radiculog.engine import log_screen
from radiculog.engine.findings import SIDES, Findings
from radiculog.engine.knowledge import load_knowledge

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry


def _marks(findings: Findings) -> Iterator[tuple[str, str]]:
    """What an entry shows that the trend compares first with last."""
    for result in findings.function:
        for side in SIDES:
            if result.value(side) is not None:
                yield result.test, side
    for test in findings.weaker_sides:
        yield test, "weaker-side"


def trend_basis(entries: Sequence[LogEntry]) -> list[int]:
    """Indexes (oldest first) of the entries the trend of ``entries`` reads.

    Folding works: the basis of (the basis of a log + a newer entry) is the
    basis of (the log + that entry), as first, last and the window's start only
    move forward.
    """
    if not entries:
        return []
    k = load_knowledge()
    # Counted back from the newest entry: the present is no earlier, so this window
    # holds the one counted back from the present (entries are never in the future).
    window = log_screen.window_index(entries, k)
    first: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(entries):
        for mark in _marks(entry.findings):
            first.setdefault(mark, i)
            last[mark] = i
    recent = range(window, len(entries))
    older = log_screen.older_indexes(entries, k, window)
    return sorted({0, len(entries) - 1, *first.values(), *last.values(), *recent, *older})
