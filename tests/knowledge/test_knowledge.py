"""Sweep of every knowledge file: ids match the contract, every number cites a real source,
every source is cited, priors are proper distributions."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from radiculog.engine.knowledge import ROOTS, TIERS, load_knowledge
from tests.conftest import CONTRACT

K = load_knowledge()
KNOWLEDGE = Path(str(resources.files("radiculog.knowledge")))


def _schema_enum(kind: str) -> set[str]:
    schema = json.loads((CONTRACT / "findings.schema.json").read_text())
    props = schema["properties"]
    if kind == "answers":
        return set(props["answers"]["properties"])
    if kind == "regions":
        item = props["pain"]["items"]["oneOf"]
        return set(item[0]["properties"]["region"]["enum"]) | {
            item[1]["properties"]["region"]["const"]
        }
    if kind == "tests":
        return set(props["function"]["items"]["properties"]["test"]["enum"])
    if kind == "reflexes":
        return set(props["reflexes"]["items"]["properties"]["reflex"]["enum"])
    return set(props["provocation"]["items"]["properties"]["test"]["enum"])


def test_vocabulary_matches_the_contract_schema() -> None:
    v1 = {q.id for q in K.questions.values() if q.since == 1}
    assert v1 == _schema_enum("answers")
    assert set(K.regions) == _schema_enum("regions")
    assert set(K.home_tests) == _schema_enum("tests")
    assert set(K.reflexes) == _schema_enum("reflexes")
    assert set(K.provocation) == _schema_enum("provocation")


def test_vocabulary_md_ids_are_all_known() -> None:
    text = (CONTRACT / "vocabulary.md").read_text()
    ids = set(re.findall(r"^\| `([a-z_0-9]+)` \|", text, re.M))
    known = set(K.questions) | set(K.regions) | set(K.home_tests) | set(TIERS)
    assert ids and ids <= known, ids - known


def _cited_everywhere() -> dict[str, set[str]]:
    """source id -> files that cite it."""
    cited: dict[str, set[str]] = {}
    for path in KNOWLEDGE.iterdir():
        if path.name == "sources.toml" or path.suffix not in (".toml", ".csv"):
            continue
        found = set(re.findall(r"[a-z_0-9]+", path.read_text()))
        for sid in found & set(K.sources):
            cited.setdefault(sid, set()).add(path.name)
    return cited


def test_every_source_id_used_exists() -> None:
    used = {s for r in K.rules for s in r.sources}
    used |= {s for row in K.likelihoods for s in row.sources}
    used |= {s for p in K.priors for s in p.sources}
    used |= {s for t in K.home_tests.values() for s in t.sources}
    used |= {s for e in K.explanations for s in e.sources}
    used |= {s for t in K.tiers.values() for s in t.sources}
    for section in K.method.values():
        if isinstance(section, dict):
            used |= set(section.get("sources", []))
    assert used - set(K.sources) == set()


def test_every_source_in_the_bibliography_is_cited_somewhere() -> None:
    uncited = set(K.sources) - set(_cited_everywhere())
    assert uncited == set(), f"bibliography entries nobody cites: {sorted(uncited)}"


def test_every_source_has_authors_year_title_and_where() -> None:
    raw = tomllib.loads((KNOWLEDGE / "sources.toml").read_text())
    for sid, entry in raw.items():
        for field in ("authors", "year", "title", "where"):
            assert entry.get(field), f"{sid} lacks {field}"
        assert 1900 < int(entry["year"]) <= 2026, sid


def test_every_rule_and_sign_cites_at_least_one_source() -> None:
    assert all(r.sources for r in K.rules)
    assert all(row.sources and row.method and row.remarks for row in K.likelihoods)
    assert all(t.sources for t in K.home_tests.values())


def test_root_likelihoods_are_well_formed() -> None:
    signals = {"pain", "sensation", "function", "reflex", "provocation"}
    for row in K.likelihoods:
        assert row.signal in signals, row
        assert row.basis in {"published", "derived", "judgement"}, row
        # No finding rules a root in or out on its own (method.toml [caps]).
        assert all(1 <= v <= 99 for v in row.per_100.values()), row
        if row.signal in ("pain", "sensation"):
            assert row.finding in K.regions
        elif row.signal == "function":
            assert row.finding in K.home_tests
        elif row.signal == "reflex":
            assert row.finding in K.reflexes
        else:
            assert row.finding in K.provocation
    assert len(K.likelihood_index) == len(K.likelihoods), "a finding is listed twice"
    caps = K.method["combination"]["group_cap"]
    assert caps["pain"] == min(caps.values()), "pain is the least specific signal"


def test_priors_are_distributions_covering_every_age() -> None:
    for p in K.priors:
        assert abs(sum(p.probabilities.values()) - 1) < 1e-9, p
        assert p.sources
    for age in range(0, 131):
        assert K.prior_for(age).covers(age)
    assert K.prior_for(None).age_from is None


def test_rules_use_known_questions_facts_and_tiers() -> None:
    facts = {"saddle_marked", "weaker_on_test", "brisk_reflex", "both_legs_marked",
             "deficit_both_sides", "deficit_opposite_leg", "age_under_20", "age_70_plus",
             "onset_6_weeks_plus", "onset_recent_or_unknown", "second_leg_new",
             "age_under_16", "age_60_plus", "onset_within_14_days", "brisk_reflex_both_legs",
             "sensory_marked"}  # fmt: skip
    facts |= {fact for fact, _alternatives in K.derived}
    for r in K.rules:
        assert r.tier in TIERS
        for q in (*r.when_yes, *r.when_not_no, *r.when_no, *r.when_unanswered):
            assert q in K.questions, (r.id, q)
        assert set(r.when_facts) <= facts


def test_each_tier_has_advice_and_every_root_a_daily_check() -> None:
    assert set(K.tiers) == set(TIERS)
    for root in ROOTS:
        if root != "L2":
            assert any(root in t.daily_for for t in K.home_tests.values()), root


@pytest.mark.parametrize("name", ["VERSION"])
def test_version_is_stamped(name: str) -> None:
    assert re.fullmatch(r"\d{4}\.\d+", (KNOWLEDGE / name).read_text().strip())


def test_the_screening_questions_are_every_question_a_warning_sign_rule_reads() -> None:
    """The self-check and `radiculog check` ask `screening_ids`: the safety group (all
    needed for a complete screen), then each optional question a rule or derived fact
    reads, so no combination rule is left without its question."""
    rules = [*K.rules, *(alt for _, alts in K.derived for alt in alts)]
    read = {q for r in rules for q in r.when_yes | r.when_no | r.when_not_no}
    ids = K.screening_ids
    assert ids[: len(K.safety_ids)] == K.safety_ids
    assert len(ids) == len(set(ids))
    assert {q for q in read if K.questions[q].group != "checklist"} <= set(ids)
    assert set(ids[len(K.safety_ids) :]) == {
        "pain_getting_worse", "long_term_steroids", "osteoporosis", "minor_fall", "toes_catching",
        # issue 18
        "anticoagulant_or_bleeding_disorder", "sudden_severe_pain", "feeling_faint",
        "leg_cold_pale", "pregnant_or_recent_birth", "spinal_procedure_recent",
        "spinal_wound_problem", "hands_numb_or_clumsy", "walking_unsteady", "clonus",
        "night_sweats", "leg_pain_walking_eased_standing",
        # the NHS back pain page's signs the first table lacked
        "chest_pain", "upper_back_pain", "back_lump_or_shape_change",
    }  # fmt: skip
