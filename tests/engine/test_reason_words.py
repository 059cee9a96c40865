"""Every reason the engine gives has its words in the knowledge (reasons.toml for those
not in red_flags.toml), and the {placeholders} a reason's words use are exactly the
values the engine fills in: a mismatch fails, it never prints a literal {side}."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from string import Formatter
from typing import Any

import pytest

import radiculog
from radiculog.engine import knowledge as knowledge_module
from radiculog.engine.knowledge import TIERS, load_knowledge
from radiculog.engine.reason_words import REASON_FIELDS, ReasonWords
from radiculog.engine.services import FIELDS, regions
from tests.conftest import findings
from tests.knowledge.digest import KNOWLEDGE

K = load_knowledge()
BRACE = re.compile(r"[{}]")


def _raw() -> dict[str, Any]:
    return tomllib.loads((KNOWLEDGE / "reasons.toml").read_text())


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_the_file_holds_exactly_the_reasons_the_engine_gives() -> None:
    assert set(_raw()) == set(REASON_FIELDS) == set(K.reasons)


@pytest.mark.parametrize("key", sorted(REASON_FIELDS))
def test_each_reason_has_words_sources_and_exactly_its_placeholders(key: str) -> None:
    raw = _raw()[key]
    assert raw["text"].strip() and raw["action"].strip()
    assert raw["sources"] and set(raw["sources"]) <= set(K.sources)
    assert raw.get("tier", "watchful") in TIERS
    used = set().union(*(_names(raw.get(f, "")) for f in ("text", "action", "tell")))
    assert used - set(FIELDS) == set(REASON_FIELDS[key]), "placeholders the engine fills"
    assert set(REASON_FIELDS[key]).isdisjoint(FIELDS), "a value named like a service"


def test_the_screening_reasons_carry_their_tier_and_the_trend_reasons_take_method_tomls() -> None:
    assert K.reasons["screening_incomplete"].tier == "soon"
    assert K.reasons["no_warning_signs"].tier == "watchful"
    trend = [key for key in REASON_FIELDS if key.startswith("trend_")]
    assert [key for key in trend if K.reasons[key].tier] == []


@pytest.mark.parametrize("region", ["uk", "us", "eu"])
def test_the_region_fills_the_services_and_leaves_only_the_persons_values(region: str) -> None:
    assert region in regions()
    k = load_knowledge(region)
    for key, words in k.reasons.items():
        for text in (words.text, words.action, words.tell):
            assert _names(text) <= set(REASON_FIELDS[key]), (key, text)
    both = k.reasons["trend_weaker_both_sides"]
    assert k.services.emergency_number in both.action


def test_words_need_every_value_and_no_other() -> None:
    words = K.reasons["trend_weaker"]
    values = {"side": "left", "test_name": "toe lifts", "best": 10, "last": 4}
    text, _, _ = words.words(values)
    assert "left side getting weaker on the toe lifts: 10 at best" in text
    with pytest.raises(KeyError):
        words.words({k: v for k, v in values.items() if k != "last"})
    with pytest.raises(KeyError):
        words.words({**values, "dip_to": 3})


def _broken(monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    text = knowledge_module._text

    def patched(name: str) -> str:
        found = text(name)
        if name == "reasons.toml":
            assert old in found
            return found.replace(old, new, 1)
        return found

    monkeypatch.setattr(knowledge_module, "_text", patched)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("{last} now. Weakness", "{latest} now. Weakness"),  # a name the engine does not fill
        ("{last} now. Weakness", "now. Weakness"),  # a value the engine fills, left out
        ("grown over your log,", "grown on your {side} side,"),  # another reason's value
        ("[trend_peripheralizing]", "[trend_peripheralising]"),  # a reason renamed
        ('tier = "soon"', 'tier = "later"'),  # not a tier
    ],
)
def test_a_mismatch_between_the_file_and_the_engine_does_not_load(
    monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    _broken(monkeypatch, old, new)
    with pytest.raises((KeyError, ValueError)):
        knowledge_module._reasons("uk")


def _log(*entries: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": "radiculog/log@1",
        "entries": [
            {"at": f"2026-11-{10 + i:02d}T08:00:00Z", "findings": f} for i, f in enumerate(entries)
        ],
    }


def _toes(left: int, right: int, **parts: Any) -> dict[str, Any]:
    return findings(function=[{"test": "toe_lift", "left": left, "right": right}], **parts)


def _assessments() -> Iterator[radiculog.Assessment]:
    yield radiculog.assess(findings())
    yield radiculog.assess({"schema": "radiculog/findings@1", "answers": {}})
    yield radiculog.trend(_log(_toes(10, 10), _toes(4, 4)))
    yield radiculog.trend(_log(_toes(10, 10), _toes(10, 4), _toes(10, 10)))
    calf, sole = {"region": "calf", "side": "left"}, {"region": "sole", "side": "left"}
    more = findings(sensory=[calf, sole])
    yield radiculog.trend(_log(findings(sensory=[calf]), more, more, more))
    thigh = {"region": "posterior_thigh", "side": "left"}
    yield radiculog.trend(_log(findings(pain=[thigh]), findings(pain=[sole])))
    bladder = findings(answers={"bladder_change": True})
    yield radiculog.trend(_log(bladder, findings()))
    old = {**_log(bladder, findings()), "schema": "radiculog/log@2"}
    old["entries"][0]["at"] = "2026-10-01T08:00:00Z"
    yield radiculog.trend(old)
    yield radiculog.trend(_log(findings(notes="Pain 3/10."), findings(notes="Pain 9/10.")))
    seen = {**_log(_toes(10, 10), _toes(10, 4), _toes(10, 4)), "schema": "radiculog/log@2"}
    seen["clinician_seen"] = [{"at": "2026-11-11T09:00:00Z"}]
    yield radiculog.trend(seen)


def _family(reason_id: str) -> str:
    for prefix in ("earlier", "older", "trend_weaker_known", "trend_weaker", "trend_dip"):
        if reason_id.startswith(f"{prefix}_") and reason_id not in REASON_FIELDS:
            return prefix
    return reason_id


def test_the_engine_gives_every_reason_in_the_files_words_with_every_value_filled() -> None:
    given: dict[str, list[str]] = {}
    for a in _assessments():
        for r in a.urgency.reasons:
            given.setdefault(_family(r.id), []).append(r.id)
            for text in (r.text, r.action, r.tell):
                assert not BRACE.search(text), (r.id, text)
        assert not BRACE.search(a.card.tell)
    assert set(REASON_FIELDS) <= set(given)
    assert "trend_weaker_toe_lift_left" in given["trend_weaker"]
    assert "trend_dip_toe_lift_right" in given["trend_dip"]
    assert "earlier_bladder_change" in given["earlier"]
    assert "older_bladder_change" in given["older"]


def test_an_earlier_sign_keeps_its_rules_words_tier_and_tell() -> None:
    a = radiculog.trend(_log(findings(answers={"bladder_change": True}), findings()))
    rule = next(r for r in K.rules if r.id == "bladder_change")
    earlier = next(r for r in a.urgency.reasons if r.id == "earlier_bladder_change")
    assert earlier.tier == rule.tier and earlier.tell == rule.tell
    assert earlier.text == (
        "In your log entry of Tue 10 Nov 2026 at 08:00, you reported a warning sign: " + rule.text
    )
    assert earlier.action.startswith(rule.action + " This still applies")
    assert earlier.sources == (*rule.sources, *K.reasons["earlier"].sources)


def test_reason_words_are_immutable() -> None:
    with pytest.raises(AttributeError):
        K.reasons["no_warning_signs"].text = "x"  # type: ignore[misc]
    assert isinstance(K.reasons["no_warning_signs"], ReasonWords)
