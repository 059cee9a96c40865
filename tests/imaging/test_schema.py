"""Every document the reader writes has the contract's shape (../shared/contract/imaging.md)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from radiculog import assess
from radiculog.imaging import compare, read_report, to_document
from radiculog.imaging.levels import CONTRACT_LEVELS
from radiculog.imaging.report import FINDINGS, POSITIONS, ROOT_CONTACTS, SIDES
from tests.conftest import load_example
from tests.imaging.corpus_tools import reports, sentences

ROOT = {"enum": ["T12", "L1", "L2", "L3", "L4", "L5", "L6", "S1", "S2"]}
LEVEL = {
    "type": "object",
    "required": ["level", "finding", "position", "side", "roots", "root_contact", "evidence"],
    "properties": {
        "level": {"enum": list(CONTRACT_LEVELS)},
        "finding": {"enum": list(FINDINGS)},
        "position": {"enum": list(POSITIONS)},
        "side": {"enum": list(SIDES)},
        "roots": {"type": "array", "items": ROOT, "uniqueItems": True},
        "root_contact": {"enum": list(ROOT_CONTACTS)},
        "evidence": {"type": "string", "minLength": 1},
        "severity": {"enum": ["unstated", "mild", "moderate", "severe"]},
        "roots_named": {"type": "boolean"},
    },
}
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["schema", "levels", "cauda_equina_risk", "unread"],
    "properties": {
        "schema": {"const": "radiculog/imaging@1"},
        "levels": {"type": "array", "items": LEVEL},
        "cauda_equina_risk": {"type": "boolean"},
        "unread": {"type": "array", "items": {"type": "string"}},
        "concordance": {
            "type": "object",
            "required": ["verdict", "reasons", "levels", "age_rates", "cauda_equina"],
            "properties": {
                "verdict": {"enum": ["matches", "partly matches", "does not match", "cannot tell"]}
            },
        },
    },
}
TEXTS = [c["text"] for c in sentences()] + [text for _, text, _ in reports()]


@pytest.mark.parametrize("text", TEXTS)
def test_document_matches_the_contract(text: str) -> None:
    jsonschema.validate(read_report(text).to_dict(), SCHEMA)


def test_document_with_concordance_matches_the_contract() -> None:
    findings = load_example("03-s1-calf-push-off.json")["findings"]
    for text in TEXTS[-5:]:
        report = read_report(text)
        doc = to_document(report, compare(report, assess(findings).to_dict(), 40))
        jsonschema.validate(doc, SCHEMA)


def test_every_unread_sentence_says_why() -> None:
    from radiculog.imaging.report import UNREAD_REASONS

    seen = set()
    for text in TEXTS:
        doc = read_report(text).to_dict()
        assert [u["sentence"] for u in doc["unread_reasons"]] == doc["unread"]
        seen |= {u["why"] for u in doc["unread_reasons"]}
        assert all(u["text"] == UNREAD_REASONS[u["why"]] for u in doc["unread_reasons"])
    assert seen >= {"no_level", "which_level", "which_narrowing", "not_interpreted"}


def test_normal_entries_never_carry_disease_fields() -> None:
    for text in TEXTS:
        for e in read_report(text).to_dict()["levels"]:
            if e["finding"] == "normal":
                assert (e["position"], e["side"], e["roots"]) == ("n/a", "n/a", [])
