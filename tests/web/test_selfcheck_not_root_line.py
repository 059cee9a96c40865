"""The result page names the share of the picture that is not a nerve root (issue 26),
so what it shows adds up to 100 %."""

from __future__ import annotations

import json
from pathlib import Path

import radiculog
from radiculog.web.selfcheck.result import root_rows
from tests.conftest import findings

EXAMPLES = Path(__file__).parents[1] / "contract" / "copy" / "examples"


def test_the_not_a_root_share_is_shown_when_it_is_five_percent_or_more() -> None:
    # The contract's L4 example (thigh and inner shin, shaky step-down): a femoral-nerve
    # or hip cause shares the picture.
    doc = json.loads((EXAMPLES / "04-l4-stairs-known-weakness.json").read_text())["findings"]
    a = radiculog.assess(doc).to_dict()
    rows = root_rows(a)
    other = a["not_root"]["probability"]
    assert other >= 0.05
    assert rows["not_root"] == round(other * 100)
    shown = sum(r["percent"] for r in rows["bars"]) + (rows["rest"] or {}).get("percent", 0)
    assert abs(shown + rows["not_root"] - 100) <= 3  # rounding of each line


def test_a_small_not_a_root_share_is_not_given_a_line() -> None:
    a = radiculog.assess(findings()).to_dict()
    a["not_root"] = {"probability": 0.01, "alternatives": []}
    assert root_rows(a)["not_root"] is None
