"""Results that lead with the action: what to do, by when, a number to tap; nothing
reassuring above it at urgent or emergency; the log only at soon and watchful."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import radiculog
from radiculog.web.selfcheck.steps import SAFETY_TOPICS
from tests.web.selfcheck_helpers import walk

pytestmark = pytest.mark.django_db
K = radiculog.load_knowledge()
EXAMPLES = {
    "watchful": "01-l5-classic-no-weakness",
    "urgent": "03-s1-calf-push-off",
    "emergency": "05-cauda-equina-warning",
    # Example 07 (nothing answered) is urgent since knowledge 2026.7: cauda equina
    # questions all unanswered (issue 18). Soon: the calm example with pain at night.
    "soon": "01-l5-classic-no-weakness",
}
EXTRA = {"soon": {"sleep_disrupted": True}}


def result_for(client, examples, tier):
    findings = examples[EXAMPLES[tier]]["findings"]
    findings = findings | {"answers": findings.get("answers", {}) | EXTRA.get(tier, {})}
    walk(client, findings)
    response = client.get("/check/result/")
    assert response.context["tier"] == tier
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("tier", ["urgent", "emergency"])
def test_an_acting_result_opens_with_the_action_timing_and_a_number_to_tap(client, examples, tier):
    page = result_for(client, examples, tier)
    first = page.select_one("main section")
    assert "tier-banner" in first["class"]  # nothing comes before the action
    text = first.get_text(" ")
    assert K.tiers[tier].within in text
    tel = first.select_one("a[href^='tel:']")["href"].removeprefix("tel:")
    expected = K.services.emergency_tel if tier == "emergency" else K.services.urgent_tel
    assert tel == expected
    assert page.select("details.fits") == []  # no "fits watchful care" answers
    assert "Start the 72-hour log" not in page.get_text()


@pytest.mark.parametrize("tier", ["soon", "watchful"])
def test_the_log_is_offered_at_soon_and_watchful(client, examples, tier):
    page = result_for(client, examples, tier)
    assert page.find("a", string="Start the 72-hour log")


def test_not_sure_on_a_cauda_equina_question_is_marked_in_the_go_now_list(client):
    answers = {q: "no" for q in SAFETY_TOPICS[0].items} | {"bladder_change": "unsure"}
    client.post("/check/step/now/", answers)
    page = BeautifulSoup(client.get("/check/result/").content, "html.parser")
    block = page.select_one(".safety-net")
    assert block.find_previous("section")["class"][0] == "tier-banner"  # right under the action
    rows = {li.contents[0].strip(): li for li in block.select("li")}
    bladder = rows[K.questions["bladder_change"].short.capitalize()]
    assert "(not sure)" in bladder.get_text() and bladder.a  # marked, with a link to answer it
    bowel = rows[K.questions["bowel_change"].short.capitalize()]
    assert bowel.a is None and "not" not in bowel.get_text()  # answered no: listed, not marked
    assert block.select_one("a[href^='tel:']")["href"] == f"tel:{K.services.emergency_tel}"
    later = page.select_one(".go-now").get_text(" ")  # the call-today ones still unanswered
    assert K.questions["bladder_change"].short not in later  # a sign is not listed twice


@pytest.mark.parametrize("tier", ["watchful", "soon", "urgent", "emergency"])
def test_every_result_lists_the_go_now_signs_under_the_action(client, examples, tier):
    page = result_for(client, examples, tier)
    net = page.select_one("main section.tier-banner + section")
    assert "safety-net" in net["class"]
    emergency = [q for q in K.screening_ids if _alone(q) == "emergency"]
    listed = [li.contents[0].strip() for li in net.select("li")]
    assert listed == [K.questions[q].short.capitalize() for q in emergency]
    assert {"bowel_change", "both_legs"} <= set(emergency)
    first_screen = page.select(".tier-banner a[href^='tel:'], .safety-net a[href^='tel:']")
    assert f"tel:{K.services.emergency_tel}" in [a["href"] for a in first_screen]


def _alone(qid):
    """The tier one alarming answer gives with every other danger answer reassuring."""
    from radiculog.web.selfcheck import alarms

    return alarms.tier_if_alarming(qid)


def test_each_action_sentence_appears_once(client, examples):
    for tier in EXAMPLES:
        client.cookies.clear()
        page = result_for(client, examples, tier)
        text = page.select_one("main").get_text(" ")
        assert text.count(K.tiers[tier].do) == 1, tier


def test_a_result_at_emergency_does_not_offer_the_nerve_root_part(client):
    client.post("/check/step/now/", {"saddle_numbness": "yes"})
    page = BeautifulSoup(client.get("/check/result/").content, "html.parser")
    assert page.select(".continue-roots") == []
    assert page.select(".go-now") == []  # already told to go
