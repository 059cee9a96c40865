"""Hazard-log controls on the tier and the decision card (H1, H2, H4, H5, H11), over
generated findings (hypothesis) and over every card the knowledge can produce."""

from __future__ import annotations

import itertools
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.contract.parse import parse_findings
from radiculog.engine import assessment as assessment_module
from radiculog.engine.card import _card
from radiculog.engine.knowledge import ROOTS, TIERS
from radiculog.engine.other_explanations import fitting
from radiculog.engine.radicular import checklist
from radiculog.engine.roots import picture
from tests.engine.test_properties import EMERGENCY_FLAGS, K, findings_docs

SAME_DAY = "if a strength test gets worse, call the same day"
OVERLAP = "Strength tests say more than where it hurts"
# Headings of everything the text output adds below the action when it is not an emergency.
NOT_IN_AN_EMERGENCY = (
    "Meanwhile", "Avoid", "daily check", "Nerve-root checklist", "Which nerve root",
    "Strength:", "Other explanations", "Your log", "Safety:",
)  # fmt: skip


def _log(*docs: dict[str, Any]) -> dict[str, Any]:
    entries = [{"at": f"2026-11-2{n}T08:00:00Z", "findings": d} for n, d in enumerate(docs)]
    return {"schema": "radiculog/log@1", "entries": entries}


# --- H1: the tier does not read the root picture. ---


@settings(max_examples=200, deadline=None)
@given(findings_docs(), findings_docs())
def test_the_tier_is_the_same_whatever_root_picture_the_model_returns(
    doc: dict[str, Any], other: dict[str, Any]
) -> None:
    """Swap the root model's output for the picture of unrelated findings (any leaning,
    confidence, side): the tier and its reasons must not move, for one set of findings or
    a log. Localisation therefore cannot lower (or raise) the urgency."""
    before = radiculog.assess(doc)
    log_before = radiculog.trend(_log(other, doc))
    parsed = parse_findings(other)
    foreign = picture(parsed, K, checklist(parsed, K), fitting(parsed, K))

    with mock.patch.object(assessment_module, "picture", lambda *_args, **_kw: foreign):
        after = radiculog.assess(doc)
        log_after = radiculog.trend(_log(other, doc))

    assert after.roots == foreign  # the swap took effect
    assert after.urgency == before.urgency
    assert log_after.urgency == log_before.urgency


# --- H2, H4: every card short of an emergency gives a timing and the same-day rule. ---


def _every_card() -> list[Any]:
    """Every card the knowledge can produce: each tier, leaning (or none, with each pair of
    most probable roots), with and without a standing test."""
    cards = []
    for tier, seated in itertools.product(TIERS, (False, True)):
        for leaning in (None, *ROOTS):
            pairs = itertools.permutations(ROOTS, 2) if leaning is None else [("S1", "L5")]
            for first, second in pairs:
                cards.append(_card(K, tier, "", leaning, first, second, seated))
    return cards


def test_every_card_short_of_an_emergency_gives_a_timing_and_the_same_day_rule() -> None:
    cards = [c for c in _every_card() if c.tier != "emergency"]
    assert {c.tier for c in cards} == set(TIERS) - {"emergency"}
    for card in cards:
        assert card.within and card.within == K.tiers[card.tier].within, card
        assert any(SAME_DAY in line.lower() for line in card.avoid), card
    watchful = K.tiers["watchful"]
    assert "24 to 72 hours" in watchful.within and "72 hours" in watchful.do


@settings(max_examples=200, deadline=None)
@given(findings_docs())
def test_every_result_short_of_an_emergency_shows_the_timing_and_the_same_day_rule(
    doc: dict[str, Any],
) -> None:
    a = radiculog.assess(doc)
    if a.urgency.tier == "emergency":
        return
    card = a.to_dict()["decision_card"]
    assert card["within"] == K.tiers[a.urgency.tier].within  # type: ignore[index]
    assert any(SAME_DAY in line.lower() for line in card["avoid"])  # type: ignore[index]
    text = " ".join(radiculog.render_text(a).split()).lower()
    assert SAME_DAY in text
    assert " ".join(K.tiers[a.urgency.tier].do.split()).lower() in text


# --- H4: the card says whether the daily check follows a leaning. ---


@settings(max_examples=300, deadline=None)
@given(findings_docs())
def test_the_card_says_whether_the_daily_check_follows_a_leaning(doc: dict[str, Any]) -> None:
    a = radiculog.assess(doc)
    card = a.to_dict()["decision_card"]
    check, also = card["daily_check"], card["also_check"]  # type: ignore[index]
    if check is None:
        return
    assert check["for_leaning"] is (a.leaning is not None)
    if a.leaning:
        assert check["root"] == a.leaning and also is None
    else:
        assert check["root"] == a.roots.scores[0].root
    if also is not None:
        assert also["for_leaning"] is False
    text = radiculog.render_text(a)
    if a.leaning:
        assert "(for the leaning root)" in text
    else:
        assert f"(for {check['root']}, the most likely root)" in text
        assert "(for the leaning root)" not in text


# --- H5: the overlap note. ---


@settings(max_examples=200, deadline=None)
@given(findings_docs())
def test_every_result_carries_the_overlap_note_beside_its_root_picture(
    doc: dict[str, Any],
) -> None:
    """The JSON always carries it; the text shows it wherever it shows the root picture
    (everything but an emergency, which shows only the action: H11)."""
    a = radiculog.assess(doc)
    assert OVERLAP in K.overlap["text"]
    assert a.to_dict()["overlap_note"] == K.overlap["text"]
    text = " ".join(radiculog.render_text(a).split())
    if a.urgency.tier != "emergency":
        assert "Which nerve root" in text
        assert " ".join(K.overlap["text"].split()) in text


# --- H11: nothing stands between an emergency and getting help. ---


@settings(max_examples=200, deadline=None)
@given(findings_docs(), st.sampled_from(EMERGENCY_FLAGS), st.booleans())
def test_an_emergency_card_and_text_hold_only_the_action_the_script_and_the_disclaimer(
    doc: dict[str, Any], flag: str, as_log: bool
) -> None:
    doc["answers"] = {**doc["answers"], flag: True}
    a = radiculog.trend(_log(doc, doc)) if as_log else radiculog.assess(doc)
    assert a.urgency.tier == "emergency"
    card = a.card
    assert card.meanwhile == () and card.avoid == ()
    assert card.daily_check is None and card.also_check is None
    document = a.to_dict()["decision_card"]
    assert document["meanwhile"] == [] and document["avoid"] == []  # type: ignore[index]
    assert document["daily_check"] is None and document["also_check"] is None  # type: ignore[index]

    text = radiculog.render_text(a)
    flat = " ".join(text.split())
    for extra in NOT_IN_AN_EMERGENCY:
        assert extra not in text, extra
    assert " ".join(card.do.split()) in flat
    assert " ".join(f"What to tell them: {card.tell}".split()) in flat
    assert " ".join(text.split("\n\n")[-1].split()) == " ".join(K.disclaimer.split())
    # Paragraphs: the action block (title, do, why, any missing questions, the script)
    # and the disclaimer; nothing else.
    heads = [p.split("\n")[0] for p in text.strip().split("\n\n")]
    allowed = ("[!!!] ", "Why:", "Safety check NOT complete", "What to tell them:")
    assert all(h.startswith(allowed) for h in heads[:-1]), heads
