"""The coverage table (knowledge/coverage.csv, issue 18): every warning sign and
combination the cited sources list, the question or fact that detects it, the rule
that acts on it and its tier. It fails when a listed sign has no rule, a rule cites no
listed sign, or a rule has no case drawn from its source (tests/knowledge/source_cases.toml,
each run through the engine)."""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

import pytest

import radiculog
from radiculog.engine.knowledge import TIERS
from tests.conftest import SAFETY_NO
from tests.knowledge.digest import KNOWLEDGE

K = radiculog.load_knowledge()
RULES = {r.id: r for r in K.rules}
ROWS = list(csv.DictReader((KNOWLEDGE / "coverage.csv").read_text("utf-8").splitlines()))
CASES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "source_cases.toml").read_text("utf-8")
)["case"]
SEED = "radiculog_seed"  # the project's own seed list: cites the guidelines, not a rule's
FACTS = {
    "saddle_marked", "weaker_on_test", "brisk_reflex", "both_legs_marked",
    "deficit_both_sides", "deficit_opposite_leg", "age_under_20", "age_70_plus",
    "onset_6_weeks_plus", "onset_recent_or_unknown", "second_leg_new", "age_under_16",
    "age_60_plus", "onset_within_14_days", "brisk_reflex_both_legs", "sensory_marked",
    *(fact for fact, _ in K.derived),
}  # fmt: skip


def rank(tier: str) -> int:
    return TIERS.index(tier)


def test_the_table_has_its_columns_and_every_row_is_filled() -> None:
    assert list(ROWS[0]) == ["source", "sign", "detected_by", "rule", "tier", "source_tier", "note"]
    for row in ROWS:
        for column in ("source", "sign", "detected_by", "rule", "tier", "source_tier"):
            assert row[column].strip(), (row["sign"], column)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['source']}:{r['rule']}" for r in ROWS])
def test_every_listed_sign_has_a_rule_at_least_as_urgent_as_its_source(row: dict[str, str]) -> None:
    assert row["source"] in K.sources, row["source"]
    rule = RULES.get(row["rule"])
    assert rule is not None, f"{row['sign']!r}: no rule {row['rule']!r}"
    assert row["tier"] == rule.tier, "the table's tier is the rule's"
    assert rank(rule.tier) >= rank(row["source_tier"]), "the rule is less urgent than its source"
    if row["source"] != SEED:
        assert row["source"] in rule.sources, f"{rule.id} does not cite {row['source']}"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['source']}:{r['rule']}" for r in ROWS])
def test_every_detector_is_a_question_or_a_fact(row: dict[str, str]) -> None:
    for token in row["detected_by"].split(";"):
        kind, _, name = token.rpartition(":")
        name = name.removesuffix("=no")
        if kind == "fact":
            assert name in FACTS, token
        else:
            assert kind in ("", "unanswered") and name in K.questions, token


def test_every_rule_acts_on_a_listed_sign() -> None:
    listed = {row["rule"] for row in ROWS}
    assert set(RULES) - listed == set(), "rules that no listed sign needs"


def test_every_rule_has_a_case_drawn_from_a_source_it_cites() -> None:
    drawn = {case["rule"] for case in CASES}
    assert set(RULES) - drawn == set(), "rules without a source-drawn case"
    for case in CASES:
        assert case["source"] in RULES[case["rule"]].sources, case["says"]


def _document(case: dict[str, Any]) -> dict[str, Any]:
    answers = {**SAFETY_NO, **case.get("answers", {})}
    for question in case.get("unanswered", ()):
        answers.pop(question, None)
    doc: dict[str, Any] = {"schema": "radiculog/findings@2", "answers": answers}
    for key in ("age", "days_since_onset", "pain", "sensory", "function", "reflexes"):
        if key in case:
            doc[key] = case[key]
    return doc


def _assessed(case: dict[str, Any]) -> Any:
    if not case.get("log"):
        return radiculog.assess(_document(case))
    entries = [
        {"at": at, "findings": _document({**case, **part})}
        for at, part in (
            ("2026-11-20T08:00:00Z", case["first"]),
            ("2026-11-22T08:00:00Z", case["last"]),
        )
    ]
    return radiculog.trend({"schema": "radiculog/log@1", "entries": entries})


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{i}" for i, c in enumerate(CASES)])
def test_each_source_case_fires_its_rule_at_least_at_its_tier(case: dict[str, Any]) -> None:
    a = _assessed(case)
    assert case["rule"] in {r.id for r in a.urgency.reasons}, case["says"]
    assert rank(a.urgency.tier) >= rank(case["at_least"]), case["says"]
    assert rank(a.urgency.tier) >= rank(RULES[case["rule"]].tier)
