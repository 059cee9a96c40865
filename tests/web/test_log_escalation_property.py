"""Property: a log whose last entry is weaker on a function test than its first
(by the engine's own, cited definition of "weaker") never comes out watchful,
and the log page's banner always shows for it."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.engine.function import is_weaker
from radiculog.web.symptomlog.assessing import escalation
from tests.web.log_personas import base_findings

TESTS = [
    "step_down",
    "sit_to_stand",
    "heel_walk",
    "toe_lift",
    "hip_abduction",
    "calf_raise",
    "toe_walk",
]
BASE = base_findings()
value = st.integers(0, 60) | st.sampled_from(["normal", "weaker", "unable"])
answer = st.sampled_from([True, False, None])  # None: left unanswered


@st.composite
def logs(draw: Any) -> tuple[dict[str, Any], str, str]:
    test, side = draw(st.sampled_from(TESTS)), draw(st.sampled_from(["left", "right"]))
    first, last = draw(value), draw(value)
    if not is_weaker(last, first, test):  # by the test's own norm, as the trend reads it
        first, last = draw(
            st.sampled_from([(10, 4), ("normal", "unable"), (30, 12), ("normal", "weaker")])
        )
    middle = draw(st.lists(value, max_size=4))
    answers = {q: draw(answer) for q in BASE["answers"]}
    values = [first, *middle, last]
    entries = []
    for n, v in enumerate(values):
        findings = copy.deepcopy(BASE)
        findings["answers"] = {q: a for q, a in answers.items() if a is not None}
        other = "right" if side == "left" else "left"
        findings["function"] = [{"test": test, side: v, other: draw(value)}]
        at = datetime(2026, 11, 21, 8, tzinfo=UTC) + timedelta(hours=12 * n)
        entries.append({"at": at.isoformat(), "findings": findings})
    return {"schema": "radiculog/log@1", "entries": entries}, test, side


@settings(max_examples=150, deadline=None)
@given(logs())
def test_a_weaker_last_entry_is_never_watchful(case: tuple[dict[str, Any], str, str]) -> None:
    doc, _test, _side = case
    assessment = radiculog.trend(doc).to_dict()
    assert assessment["urgency"]["tier"] != "watchful"
    assert assessment["trend"]["function"] == "worsening"
    banner = escalation(assessment)
    assert banner is not None and banner.reasons
