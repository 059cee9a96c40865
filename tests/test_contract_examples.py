"""Every worked example in the shared contract gives the expected tier and leaning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import radiculog
from tests.conftest import contract_examples


@pytest.mark.parametrize("path", contract_examples(), ids=lambda p: p.stem)
def test_example_meets_its_expectations(path: Path, assessment_schema: dict[str, Any]) -> None:
    case = json.loads(path.read_text())
    expect = case["expect"]
    doc = radiculog.assess(case["findings"]).to_dict()
    jsonschema.validate(doc, assessment_schema)
    tier = doc["urgency"]["tier"]
    if "tier" in expect:
        assert tier == expect["tier"]
    if "tier_not" in expect:
        assert tier != expect["tier_not"]
    if "screening_complete" in expect:
        assert doc["urgency"]["screening_complete"] is expect["screening_complete"]
    if "radicular_likely" in expect:
        assert doc["radicular"]["likely"] is expect["radicular_likely"]
    if "leaning_in" in expect:
        assert doc["leaning"] in expect["leaning_in"]
    if "max_top_probability" in expect:
        assert doc["roots"][0]["probability"] <= expect["max_top_probability"]


def test_there_are_examples_to_check() -> None:
    assert len(contract_examples()) >= 8
