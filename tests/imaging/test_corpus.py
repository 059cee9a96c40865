"""Every sentence and whole report in tests/imaging/corpus reads as a careful reader expects."""

from __future__ import annotations

from typing import Any

import pytest

from radiculog.imaging import read_report
from tests.imaging.corpus_tools import entries, public_reports, reports, sentences

SENTENCES = sentences()
REPORTS = reports()


@pytest.mark.parametrize("case", SENTENCES, ids=[c["id"] for c in SENTENCES])
def test_sentence(case: dict[str, Any]) -> None:
    doc = read_report(case["text"]).to_dict()
    assert entries(doc) == entries({"levels": case["expect"]})
    assert bool(doc["unread"]) is case["unread"]
    assert doc["cauda_equina_risk"] is case["cauda_equina_risk"]


@pytest.mark.parametrize(("name", "text", "expected"), REPORTS, ids=[r[0] for r in REPORTS])
def test_whole_report(name: str, text: str, expected: dict[str, Any]) -> None:
    doc = read_report(text).to_dict()
    assert entries(doc) == entries(expected)
    assert doc["cauda_equina_risk"] is expected["cauda_equina_risk"]
    assert doc["unread"] == expected["unread"]
    assert sorted((o["level"], o["finding"]) for o in doc["other_findings"]) == sorted(
        (o["level"], o["finding"]) for o in expected.get("other_findings", [])
    )


def test_corpus_covers_every_contract_value() -> None:
    from radiculog.imaging.report import FINDINGS, POSITIONS, ROOT_CONTACTS, SIDES

    expected = [e for c in SENTENCES for e in c["expect"]]
    expected += [e for _, _, doc in REPORTS for e in doc["levels"]]
    for field, values in (("finding", FINDINGS), ("position", POSITIONS), ("side", SIDES),
                          ("root_contact", ROOT_CONTACTS)):  # fmt: skip
        assert {e[field] for e in expected} >= set(values), field
    assert len(REPORTS) >= 8


PUBLIC = public_reports("public")


@pytest.mark.parametrize(("name", "text", "expected"), PUBLIC, ids=[r[0] for r in PUBLIC])
def test_public_report_cauda_equina_flag(name: str, text: str, expected: dict[str, Any]) -> None:
    """Real report texts: the warning is right in every development report."""
    assert read_report(text).cauda_equina_risk is expected["cauda_equina_risk"]


@pytest.mark.parametrize(("name", "text", "expected"), PUBLIC, ids=[r[0] for r in PUBLIC])
def test_public_report_calls_no_diseased_level_normal(
    name: str, text: str, expected: dict[str, Any]
) -> None:
    diseased = {e["level"] for e in expected["levels"] if e["finding"] != "normal"}
    normal = {e["level"] for e in read_report(text).to_dict()["levels"] if e["finding"] == "normal"}
    assert normal & diseased == set()


def test_public_reports_keep_their_sources_and_recall() -> None:
    blind = public_reports("public-blind")
    assert len(PUBLIC) + len(blind) >= 60
    assert len(blind) * 3 >= len(PUBLIC) + len(blind)  # a third kept out of development
    assert all(doc["source"].strip() for _, _, doc in PUBLIC + blind)
    gold = {(n, e["level"], e["finding"]) for n, _, doc in PUBLIC for e in doc["levels"]}
    got = {
        (n, e["level"], e["finding"])
        for n, text, _ in PUBLIC
        for e in read_report(text).to_dict()["levels"]
    }
    assert len(gold & got) / len(gold) >= 0.9  # bench/README.md has the figures per field
