"""The red team's presentations that found a defect (issues 18 and 27, sixth session):
each written from a guideline by a reviewer who had not read the tests, kept here as a
regression test once the run was reported (../shared/red-team.md). Each must reach at
least its lowest acceptable tier; a log with a date in the future is refused instead,
naming the field (issue 27: future dates are refused by every way in)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import radiculog

HERE = Path(__file__).with_name("redteam")
CASES = sorted(HERE.glob("*.json"))
RANK = {"watchful": 0, "soon": 1, "urgent": 2, "emergency": 3}
# The present the logs were written against (their entries are dated before it).
NOW = datetime(2026, 12, 8, 6, 0, tzinfo=UTC)


def _case(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_set_is_there() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_a_presentation_that_found_a_defect_reaches_its_tier(path: Path) -> None:
    case = _case(path)
    lowest = case["expect"]["min_tier"]
    if "findings" in case:
        tier = radiculog.assess(case["findings"]).urgency.tier
    else:
        try:
            tier = radiculog.trend(case["log"], now=NOW).urgency.tier
        except radiculog.FindingsError as error:
            assert "is in the future" in str(error), str(error)
            return
    assert RANK[tier] >= RANK[lowest], f"{case['id']}: {tier}, due {lowest} ({case['source']})"
