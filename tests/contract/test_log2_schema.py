"""log@2 (Radiculog extension): log@1 plus clinician_seen; the schema and the parser agree."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

import radiculog
from radiculog.contract.errors import FindingsError
from radiculog.contract.schema import load_schema
from tests.conftest import findings

REGISTRY = Registry().with_resources(
    (load_schema(name)["$id"], Resource.from_contents(load_schema(name)))
    for name in ("findings", "findings2")
)
ENTRY = {"at": "2026-11-20T08:00:00Z", "findings": findings()}
TOES = findings(answers={"toes_catching": True}) | {"schema": "radiculog/findings@2"}
ENTRY2 = {"at": "2026-11-21T08:00:00Z", "findings": TOES}


def valid(schema: str, doc: dict[str, Any]) -> bool:
    validator = jsonschema.Draft202012Validator(load_schema(schema), registry=REGISTRY)
    return validator.is_valid(doc)


def test_a_log2_document_is_valid_and_parsed_with_its_seen_times() -> None:
    seen = [{"at": "2026-11-20T12:00:00Z", "note": "primary care"}]
    doc = {"schema": "radiculog/log@2", "entries": [ENTRY, ENTRY2], "clinician_seen": seen}
    assert valid("log2", doc)
    parsed = radiculog.parse_log(doc)
    assert len(parsed) == 2
    assert radiculog.trend(doc).urgency.tier == "urgent"  # toes catching, in the newest entry


@pytest.mark.parametrize(
    "doc",
    [
        {"schema": "radiculog/log@1", "entries": [ENTRY], "clinician_seen": []},
        {"schema": "radiculog/log@2", "entries": [ENTRY], "clinician_seen": [{"note": "x"}]},
        {
            "schema": "radiculog/log@2",
            "entries": [ENTRY],
            "clinician_seen": [{"at": "x", "by": "x"}],
        },
    ],
)
def test_the_schema_and_the_parser_refuse_the_same_seen_records(doc: dict[str, Any]) -> None:
    assert not valid("log2" if doc["schema"].endswith("@2") else "log", doc)
    with pytest.raises(FindingsError):
        radiculog.trend(doc)


def test_every_log1_document_is_still_a_valid_log() -> None:
    doc = {"schema": "radiculog/log@1", "entries": [ENTRY]}
    assert valid("log", doc)
    assert radiculog.trend(doc).urgency.tier == "watchful"


SIGNED = {
    "schema": "radiculog/log@2",
    "entries": [ENTRY, ENTRY2],
    "clinician_seen": [{"at": "2026-11-21T12:00:00Z", "signs": ["toes_catching"]}],
}


def test_a_seen_record_may_name_the_signs_the_clinician_saw() -> None:
    """log@2 extended compatibly (issue 27): `signs` is optional; old records still read."""
    assert valid("log2", SIGNED)
    assert radiculog.trend(SIGNED).urgency.tier == "urgent"  # the newest entry's own sign
    example = load_schema("log2")["examples"][0]
    assert valid("log2", example)
    reasons = {r.id for r in radiculog.trend(example).urgency.reasons}
    assert "earlier_fever" not in reasons  # the record names it
    unsigned = {**example, "clinician_seen": [{"at": "2026-11-27T07:00:00Z"}]}
    assert "earlier_fever" in {r.id for r in radiculog.trend(unsigned).urgency.reasons}


@pytest.mark.parametrize("signs", [["Fever"], "fever", [1], ["x" * 81]])
def test_the_schema_and_the_parser_refuse_the_same_signs(signs: object) -> None:
    doc = {**SIGNED, "clinician_seen": [{"at": "2026-11-21T12:00:00Z", "signs": signs}]}
    assert not valid("log2", doc)
    with pytest.raises(FindingsError):
        radiculog.trend(doc)
