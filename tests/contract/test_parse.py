"""Bad input gets a clear error naming the field, the value and the allowed ones."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import radiculog
from radiculog.contract.errors import FindingsError
from radiculog.engine.findings import Answer
from tests.engine.test_properties import findings2_docs


def errors(doc: Any) -> list[str]:
    with pytest.raises(FindingsError) as info:
        radiculog.assess(doc)
    return [str(e) for e in info.value.errors]


def test_unknown_question_id_names_it_and_the_allowed_ones() -> None:
    (msg,) = errors({"schema": "radiculog/findings@1", "answers": {"bladder_chang": True}})
    assert msg.startswith("answers.bladder_chang: unknown question id")
    assert "bladder_change" in msg


def test_a_side_on_saddle_is_an_error() -> None:
    (msg,) = errors(
        {"schema": "radiculog/findings@1", "sensory": [{"region": "saddle", "side": "left"}]}
    )
    assert "sensory[0].side" in msg and "no side" in msg


def test_wrong_types_and_values_are_all_reported_at_once() -> None:
    msgs = errors(
        {
            "schema": "radiculog/findings@1",
            "age": "41",
            "answers": {"fever": "no"},
            "pain": [{"region": "knee", "side": "left"}, {"region": "calf"}],
            "function": [{"test": "toe_lift", "left": -1}, {"test": "toe_lift", "right": 3}],
            "reflexes": [{"reflex": "ankle", "side": "left", "result": "gone"}],
            "extra": 1,
        }
    )
    joined = "\n".join(msgs)
    for fragment in (
        "age:",
        "answers.fever:",
        "pain[0].region: unknown region",
        "pain[1].side: is required",
        "function[0].left",
        "listed more than once",
        "reflexes[0].result",
        "extra: unknown field",
    ):
        assert fragment in joined, fragment


def test_missing_or_wrong_schema_string() -> None:
    (msg,) = errors({"answers": {}})
    assert "schema" in msg and "radiculog/findings@1" in msg


def test_not_an_object() -> None:
    assert "must be a JSON object" in errors([1, 2])[0]


def test_absent_answers_stay_unanswered() -> None:
    f = radiculog.parse_findings({"schema": "radiculog/findings@1", "answers": {"fever": False}})
    assert f.answer("fever") is Answer.NO
    assert f.answer("bladder_change") is Answer.UNANSWERED


def test_error_document_for_the_api() -> None:
    with pytest.raises(FindingsError) as info:
        radiculog.assess(
            {"schema": "radiculog/findings@1", "pain": [{"region": "x", "side": "up"}]}
        )
    doc = info.value.to_dict()
    assert doc["error"] == "invalid findings"
    paths = {e["path"] for e in doc["errors"]}
    assert paths == {"pain[0].region", "pain[0].side"}
    side = next(e for e in doc["errors"] if e["path"] == "pain[0].side")
    assert side["value"] == "up" and side["allowed"] == ["left", "right"]


def test_log_errors_are_prefixed_with_the_entry() -> None:
    log = {
        "schema": "radiculog/log@1",
        "entries": [
            {
                "at": "yesterday",
                "findings": {"schema": "radiculog/findings@1", "answers": {"x": True}},
            }
        ],
    }
    with pytest.raises(FindingsError) as info:
        radiculog.trend(log)
    text = str(info.value)
    assert "entries[0].at" in text and "entries[0].findings.answers.x" in text


def test_empty_log_is_an_error() -> None:
    with pytest.raises(FindingsError, match="at least one entry"):
        radiculog.trend({"schema": "radiculog/log@1", "entries": []})


def test_null_answer_is_unanswered_never_no() -> None:
    f = radiculog.parse_findings({"schema": "radiculog/findings@1", "answers": {"fever": None}})
    assert f.answer("fever") is Answer.UNANSWERED
    assert (
        radiculog.assess(
            {"schema": "radiculog/findings@1", "answers": {"fever": None}}
        ).urgency.tier
        != "watchful"
    )


@settings(max_examples=200, deadline=None)
@given(findings2_docs())
def test_the_parsers_yes_and_no_sets_are_the_ones_the_answers_give(doc: dict[str, Any]) -> None:
    """The parser hands the engine the yes and no sets it sorted while reading (a speed-up):
    they must be exactly what the answers give, unanswered questions in neither."""
    from dataclasses import replace

    parsed = radiculog.parse_findings(doc)
    rebuilt = replace(parsed)  # a Findings made directly computes its own sets
    assert "yes" not in vars(rebuilt)
    assert (parsed.yes, parsed.no) == (rebuilt.yes, rebuilt.no)
    assert parsed.yes == {q for q, v in doc["answers"].items() if v is True}
    assert parsed.no == {q for q, v in doc["answers"].items() if v is False}
