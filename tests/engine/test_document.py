"""The assessment document: its schemas, and a list of sources that covers what it cites."""

from __future__ import annotations

from typing import Any

import jsonschema
from hypothesis import given, settings

import radiculog
from radiculog.contract.schema import load_schema
from tests.conftest import as_log, entry, findings
from tests.engine.test_properties import findings_docs


def cited_anywhere(node: Any) -> set[str]:
    """Every id in a "sources" list anywhere in the document: the slow, obviously right way."""
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("sources"), list):
            found.update(node["sources"])
        for value in node.values():
            found |= cited_anywhere(value)
    elif isinstance(node, list):
        for value in node:
            found |= cited_anywhere(value)
    return found


@settings(max_examples=200, deadline=None)
@given(findings_docs())
def test_sources_list_exactly_the_cited_ids(doc: dict[str, Any]) -> None:
    out = radiculog.assess(doc).to_dict()
    listed = set(out.pop("sources"))
    assert listed == cited_anywhere(out)


def test_trend_escalation_sources_are_listed() -> None:
    log = as_log(entry(0, toe=(10, 10)), entry(1, toe=(10, 10)), entry(2, toe=(10, 3)))
    out = radiculog.trend(log).to_dict()
    assert out["trend"]["escalation"], "the right toe lifts dropping 10 -> 3 should escalate"
    listed = set(out.pop("sources"))
    assert listed == cited_anywhere(out)
    assert set(out["trend"]["escalation"][0]["sources"]) <= listed


FULL = jsonschema.Draft202012Validator(
    load_schema("assessment-full"), format_checker=jsonschema.FormatChecker()
)
CONTRACT = jsonschema.Draft202012Validator(load_schema("assessment"))


@settings(max_examples=200, deadline=None)
@given(findings_docs())
def test_every_document_follows_the_full_schema_and_the_contract(doc: dict[str, Any]) -> None:
    out = radiculog.assess(doc).to_dict()
    FULL.validate(out)
    CONTRACT.validate(out)


def test_a_log_document_follows_the_full_schema() -> None:
    log = as_log(
        entry(0, toe=(10, 10), sensory=[{"region": "calf", "side": "right"}]),
        entry(1, toe=(10, 3), sensory=[{"region": "calf", "side": "right"},
                                       {"region": "sole", "side": "right"}]),
    )  # fmt: skip
    out = radiculog.trend(log).to_dict()
    FULL.validate(out)
    CONTRACT.validate(out)


def test_the_full_schema_lists_every_field_so_a_new_one_must_be_documented() -> None:
    out = radiculog.assess(findings()).to_dict()
    out["decision_card"]["new_field"] = 1
    assert not FULL.is_valid(out)
    assert CONTRACT.is_valid(out)  # the contract allows more fields; ours documents them
