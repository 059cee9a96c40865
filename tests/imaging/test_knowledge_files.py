"""The imaging knowledge files: every table cites sources that exist, every rate is sourced."""

from __future__ import annotations

import csv
import io
import tomllib
from importlib import resources
from typing import Any

from radiculog.imaging.report import FINDINGS, POSITIONS, ROOT_CONTACTS, SIDES

KNOWLEDGE = resources.files("radiculog.knowledge")
SOURCES = set(tomllib.loads(KNOWLEDGE.joinpath("sources.toml").read_text("utf-8")))
VOCAB = tomllib.loads(KNOWLEDGE.joinpath("imaging_vocabulary.toml").read_text("utf-8"))


def _tables(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += _tables(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _tables(value, f"{path}[{i}]")
    return found


def test_every_cited_source_exists() -> None:
    cited = [(p, s) for p, t in _tables(VOCAB) for s in t.get("sources", [])]
    assert cited
    assert [c for c in cited if c[1] not in SOURCES] == []


def test_every_rule_table_cites_a_source() -> None:
    rules = ["stenosis", "zones", "sides", "contact", "negation", "normal", "severity",
             "concordance", "cauda_equina", "zone_roots", "cauda_equina_symptoms",
             "unread_terms"]  # fmt: skip
    for name in rules:
        assert VOCAB[name]["sources"], name
    for entry in VOCAB["finding"] + VOCAB["other"]:
        assert entry["sources"], entry["id"]


def test_vocabulary_values_are_the_contracts() -> None:
    assert {f["id"] for f in VOCAB["finding"]} | {"normal"} | set(
        VOCAB["stenosis"]["qualifiers"]
    ) == set(FINDINGS)
    assert set(VOCAB["zones"]) - {"sources"} <= set(POSITIONS)
    assert set(VOCAB["sides"]) - {"sources"} <= set(SIDES)
    assert set(VOCAB["contact"]) >= set(ROOT_CONTACTS) - {"unstated"}
    assert set(VOCAB["plain"]["finding"]) - {"sources"} == set(FINDINGS)


def test_every_prevalence_row_is_sourced_and_plausible() -> None:
    text = KNOWLEDGE.joinpath("asymptomatic_prevalence.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        assert row["source"] in SOURCES
        assert 20 <= int(row["age"]) <= 80 and 0 < int(row["percent"]) < 100
    by_finding: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        by_finding.setdefault(row["finding"], []).append((int(row["age"]), int(row["percent"])))
    for finding, points in by_finding.items():
        percents = [p for _, p in sorted(points)]
        assert percents == sorted(percents), f"{finding}: prevalence falls with age"
