"""Which strength tests to suggest first, from what the person has said so far.

The engine ranks the roots on the answers and marks given; the suggested tests
are the daily check of each of the two likeliest roots, then other tests of the
likeliest one: at most three. The rest stay on the page, folded away.
"""

from __future__ import annotations

from typing import Any

from radiculog.web.selfcheck import wording
from radiculog.web.selfcheck.steps import TEST_ORDER

MOST = 3


def suggested_tests(assessment: dict[str, Any]) -> list[str]:
    tests = wording.knowledge().home_tests
    ranked = [r["root"] for r in sorted(assessment["roots"], key=lambda r: -r["probability"])]

    def for_root(root: str) -> list[str]:
        daily = [t for t in TEST_ORDER if root in tests[t].daily_for]
        return daily + [t for t in TEST_ORDER if root in tests[t].roots and t not in daily]

    picks: list[str] = []
    candidates = [t for root in ranked[:2] for t in for_root(root)[:1]]
    candidates += [t for root in ranked for t in for_root(root)]
    for test in candidates:
        if test not in picks and len(picks) < MOST:
            picks.append(test)
    return picks
