"""The limits every way in shares (contract/limits.py), with the parser's use of them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.contract.limits import (
    MAX_DEPTH,
    UnreadableJSON,
    load_json,
    read_at,
    text_problem,
    without_nulls,
)


def test_depth_up_to_the_limit_reads_and_one_more_does_not() -> None:
    assert load_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(UnreadableJSON, match="nested"):
        load_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(UnreadableJSON, match="nested"):
        load_json("[" * 200_000 + "]" * 200_000)  # past Python's recursion limit


@pytest.mark.parametrize("text", ["1" * 41, "1." + "0" * 40, "1e999", "-1e999", "NaN", "Infinity"])
def test_numbers_too_long_or_not_finite_are_refused(text: str) -> None:
    with pytest.raises(UnreadableJSON):
        load_json(f'{{"age": {text}}}')


def test_size_limit_is_marked_too_large() -> None:
    with pytest.raises(UnreadableJSON) as caught:
        load_json(b'"' + b"x" * 100 + b'"', max_bytes=50)
    assert caught.value.too_large


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2026-11-21T08:00:00Z", True), ("1900-01-01T00:00:00Z", True),
     ("2099-12-31T23:59:59Z", True), ("2100-01-01T00:00:00Z", False),
     ("1899-12-31T23:59:59Z", False), ("9999-12-31T23:59:59Z", False),
     ("0001-01-01T00:00:00+05:00", False), ("0001-01-01T00:00:00-05:00", False),
     ("9999-12-31T23:59:59-14:00", False), (20261121, False), (None, False)],
)  # fmt: skip
def test_entry_times_from_1900_to_2099(text: Any, ok: bool) -> None:
    at, problem = read_at(text)
    assert (at is not None) is ok and (problem is None) is ok


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_text_that_passes_can_be_stored_as_utf8_without_nul(text: str) -> None:
    if text_problem(text) is None:
        assert "\x00" not in text
        text.encode("utf-8")  # raises for a lone surrogate


def test_nulls_read_as_left_out() -> None:
    doc = {"schema": "radiculog/findings@1", "function": None, "answers": {"fever": None},
           "sensory": [{"region": "calf", "side": "left", "kind": None}]}  # fmt: skip
    assert without_nulls(doc) == {
        "schema": "radiculog/findings@1",
        "answers": {},
        "sensory": [{"region": "calf", "side": "left"}],
    }
    assert radiculog.assess(doc).to_dict() == radiculog.assess(without_nulls(doc)).to_dict()


@pytest.mark.parametrize("schema", [{}, [], 1, None, True])
def test_a_schema_of_the_wrong_type_is_named(schema: Any) -> None:
    with pytest.raises(radiculog.FindingsError) as caught:
        radiculog.assess({"schema": schema})
    assert caught.value.errors[0].path == "schema"
    json.dumps(caught.value.to_dict())


def test_errors_can_show_any_value() -> None:
    with pytest.raises(radiculog.FindingsError) as caught:
        radiculog.assess({"schema": "radiculog/findings@1", "age": 10**5000})
    assert "about 5000 digits" in str(caught.value)
    json.dumps(caught.value.to_dict())
