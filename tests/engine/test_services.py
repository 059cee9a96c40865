"""The deployment's region names one emergency number and set of services in
every sentence the engine writes; the clinical rules do not change by region."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

import radiculog
from radiculog.engine.knowledge import load_knowledge
from radiculog.engine.services import current_region, regions, services
from tests.conftest import findings


@pytest.fixture
def use(region: Callable[[str | None], None]) -> Callable[[str | None], None]:
    return region


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
OTHER_NUMBERS = {"uk": ("911", "112"), "us": ("999", "111", "112"), "eu": ("999", "911", "111")}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [s for name in value.__dataclass_fields__ for s in _strings(getattr(value, name))]
    return []


@pytest.mark.parametrize("region", ["uk", "us", "eu"])
def test_every_knowledge_sentence_is_filled_in_and_names_only_its_region(region: str) -> None:
    k = load_knowledge(region)
    texts = _strings([k.rules, k.tiers, k.care, k.overlap, k.explanations, k.home_tests])
    assert texts
    assert [t for t in texts if PLACEHOLDER.search(t)] == []
    for number in OTHER_NUMBERS[region]:
        assert [t for t in texts if re.search(rf"\b{number}\b", t)] == [], number
    assert k.services.emergency_number in k.tiers["emergency"].do


def test_the_three_regions_and_their_numbers() -> None:
    assert set(regions()) >= {"uk", "us", "eu"}
    assert services("uk").emergency_number == "999"
    assert services("uk").urgent_advice == "NHS 111"
    assert services("us").emergency_number == "911"
    assert services("eu").emergency_number == "112"
    for region in regions():
        s = services(region)
        assert s.emergency_tel.isdigit() and s.sources


def test_the_rules_are_the_same_in_every_region() -> None:
    uk, us = load_knowledge("uk"), load_knowledge("us")
    assert [(r.id, r.tier, r.when_yes, r.when_not_no) for r in uk.rules] == [
        (r.id, r.tier, r.when_yes, r.when_not_no) for r in us.rules
    ]
    assert uk.likelihoods == us.likelihoods and uk.priors == us.priors


@pytest.mark.parametrize(("name", "number"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_an_emergency_assessment_names_the_regions_number(
    name: str, number: str, use: Callable[[str | None], None]
) -> None:
    use(name)
    a = radiculog.assess(findings(answers={"bladder_change": True}))
    text = radiculog.render_text(a)
    assert a.urgency.tier == "emergency"
    assert number in text
    for other in OTHER_NUMBERS[name]:
        assert not re.search(rf"\b{other}\b", text), other


def test_an_unknown_region_is_an_error_that_names_the_allowed_ones(
    monkeypatch: pytest.MonkeyPatch, use: Callable[[str | None], None]
) -> None:
    monkeypatch.setenv("RADICULOG_REGION", "mars")
    use(None)
    with pytest.raises(ValueError, match=r"RADICULOG_REGION.*'mars'.*uk"):
        current_region()
    with pytest.raises(ValueError, match="unknown region 'mars'"):
        use("mars")


def test_the_environment_sets_the_region_when_none_is_chosen(
    monkeypatch: pytest.MonkeyPatch, use: Callable[[str | None], None]
) -> None:
    monkeypatch.setenv("RADICULOG_REGION", "eu")
    use(None)
    assert current_region() == "eu"
    assert "112" in load_knowledge().tiers["emergency"].do
    use("us")
    assert "911" in load_knowledge().tiers["emergency"].do


@pytest.mark.parametrize(("name", "number"), [("uk", "999"), ("us", "911"), ("eu", "112")])
def test_the_scan_readers_cauda_equina_warning_names_the_regions_number(
    name: str, number: str, use: Callable[[str | None], None]
) -> None:
    from radiculog import imaging

    use(name)
    report = imaging.read_report("L4-L5: large central extrusion compressing the cauda equina.")
    assessment = radiculog.assess(findings(answers={"bladder_change": True})).to_dict()
    fit = imaging.compare(report, assessment, age=None)
    assert fit.cauda_equina.raises_to_emergency
    assert f"call {number}" in fit.cauda_equina.advice
