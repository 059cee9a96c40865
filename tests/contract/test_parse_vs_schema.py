"""Differential test: the parser accepts exactly the documents the JSON Schema accepts."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.contract.errors import FindingsError
from tests.conftest import CONTRACT

SCHEMA = json.loads((CONTRACT / "findings.schema.json").read_text())
PROPS = SCHEMA["properties"]
REGIONS = PROPS["pain"]["items"]["oneOf"][0]["properties"]["region"]["enum"] + ["saddle", "knee"]
QUESTIONS = [*PROPS["answers"]["properties"], "fevr"]
TESTS = [*PROPS["function"]["items"]["properties"]["test"]["enum"], "jump"]
ANY = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 250), st.sampled_from(["left", "normal", "x", "41"])
)


@st.composite
def near_valid(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {"schema": draw(st.sampled_from(["radiculog/findings@1"] * 5 + ["v1"]))}
    doc["answers"] = draw(
        st.dictionaries(st.sampled_from(QUESTIONS), st.one_of(st.booleans(), ANY), max_size=5)
    )
    side = st.sampled_from(["left", "right", "up"])
    region = st.fixed_dictionaries({"region": st.sampled_from(REGIONS)}, optional={"side": side})
    doc["pain"] = draw(st.lists(region, max_size=3))
    sens = st.fixed_dictionaries(
        {"region": st.sampled_from(REGIONS)},
        optional={
            "side": side,
            "kind": st.sampled_from(["numb", "tingling", "hot", None]),
            "repeatable": ANY,
        },
    )
    doc["sensory"] = draw(st.lists(sens, max_size=3))
    tests = draw(st.lists(st.sampled_from(TESTS), unique=True, max_size=3))
    doc["function"] = [
        {"test": t, **draw(st.fixed_dictionaries({}, optional={"left": ANY, "right": ANY}))}
        for t in tests
    ]
    if draw(st.booleans()):
        doc["age"] = draw(ANY)
    if draw(st.integers(0, 9)) == 0:
        doc["unexpected"] = 1
    return doc


def _property_names(schema: Any) -> set[str]:
    names: set[str] = set()
    if isinstance(schema, dict):
        names.update(schema.get("properties", {}))
        for v in schema.values():
            names |= _property_names(v)
    elif isinstance(schema, list):
        for v in schema:
            names |= _property_names(v)
    return names


KNOWN = _property_names(SCHEMA)


def _without_nulls(value: Any) -> Any:
    """The parser reads null on a known optional field as absent (unanswered), a documented
    leniency; an unknown field stays an error whatever its value (a typo is never dropped)."""
    if isinstance(value, dict):
        return {
            k: _without_nulls(v)
            for k, v in value.items()
            if v is not None or k == "age" or k not in KNOWN
        }
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@settings(max_examples=400, deadline=None)
@given(near_valid())
def test_parser_and_schema_agree(doc: dict[str, Any]) -> None:
    schema_ok = jsonschema.Draft202012Validator(SCHEMA).is_valid(_without_nulls(doc))
    try:
        radiculog.parse_findings(doc)
        parser_ok = True
    except FindingsError:
        parser_ok = False
    assert parser_ok == schema_ok, doc
