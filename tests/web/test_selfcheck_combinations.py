"""The findings@2 warning-sign questions on the danger pages: each combination rule
that needs them fires from the web check, at once, and the check writes findings@2."""

from __future__ import annotations

import json

import pytest

import radiculog
from radiculog.web.selfcheck import alarms
from radiculog.web.selfcheck.session import KEY, findings_from_state
from radiculog.web.selfcheck.steps import SAFETY_TOPICS, step_for_question
from tests.web.selfcheck_helpers import load_examples, normalised, walk

pytestmark = pytest.mark.django_db
NOW, TODAY, DAYS = SAFETY_TOPICS


def all_no(step, **yes):
    return {q: "yes" if q in yes else "no" for q in step.items}


def send(client, step, data):
    return client.post(f"/check/step/{step.slug}/", data)


def test_each_new_question_sits_on_the_page_of_its_tier_or_beside_its_partner():
    assert step_for_question("toes_catching") is TODAY  # urgent on its own
    assert step_for_question("pain_getting_worse") is step_for_question("cancer_history")
    assert step_for_question("minor_fall") is step_for_question("long_term_steroids") is DAYS
    assert step_for_question("osteoporosis") is DAYS  # soon on its own
    assert alarms.tier_if_alarming("toes_catching") == "urgent"
    assert alarms.tier_if_alarming("long_term_steroids") == "soon"


def test_toes_catching_yes_says_call_today_at_once_whatever_else_is_blank(client):
    send(client, NOW, all_no(NOW))
    response = send(client, TODAY, {"toes_catching": "yes"})
    assert response.status_code == 302
    assert response["Location"] == f"/check/call-today/?next={TODAY.slug}"
    page = client.get(response["Location"])
    assert any(r["id"] == "toes_catching" for r in page.context["reasons"])


def test_past_cancer_with_pain_getting_worse_gets_the_urgent_result(client):
    send(client, NOW, all_no(NOW))
    response = send(client, TODAY, all_no(TODAY, cancer_history=1, pain_getting_worse=1))
    assert response["Location"] == f"/check/call-today/?next={DAYS.slug}"
    result = client.get("/check/result/").context["a"]
    assert result["urgency"]["tier"] == "urgent"
    assert "cancer_with_progressive_pain" in {r["id"] for r in result["urgency"]["reasons"]}


def test_past_cancer_alone_is_not_urgent_and_pain_getting_worse_alone_changes_nothing(client):
    send(client, NOW, all_no(NOW))
    response = send(client, TODAY, all_no(TODAY, pain_getting_worse=1))
    assert response["Location"] == f"/check/step/{DAYS.slug}/"
    response = send(client, TODAY, all_no(TODAY, cancer_history=1))
    assert response["Location"] == f"/check/step/{DAYS.slug}/"


@pytest.mark.parametrize("bones", ["long_term_steroids", "osteoporosis"])
def test_weak_bones_with_a_small_fall_says_call_today_when_the_page_is_sent(client, bones):
    send(client, NOW, all_no(NOW))
    send(client, TODAY, all_no(TODAY))
    data = all_no(DAYS, **{bones: 1, "minor_fall": 1})
    data["can_walk_short_distances"] = "yes"
    response = send(client, DAYS, data)
    assert response["Location"] == "/check/call-today/?next=result"
    result = client.get("/check/result/").context["a"]
    assert result["urgency"]["tier"] == "urgent"
    assert "fragile_bones_minor_fall" in {r["id"] for r in result["urgency"]["reasons"]}


def test_the_answers_download_as_findings2_and_assess_the_same(client):
    send(client, NOW, all_no(NOW))
    send(client, TODAY, all_no(TODAY, toes_catching=1))
    document = json.loads(client.get("/check/findings.json").content)
    assert document["schema"] == "radiculog/findings@2"
    assert document["answers"]["toes_catching"] is True
    engine = radiculog.assess(document).to_dict()
    assert client.get("/check/result/").context["a"] == engine
    assert engine["urgency"]["tier"] == "urgent"


def test_no_to_all_answers_the_new_questions_no(client):
    send(client, NOW, {"none-of-these": "1"})
    send(client, TODAY, {"none-of-these": "1"})
    response = send(client, DAYS, {"none-of-these": "1", "can_walk_short_distances": "yes"})
    assert response["Location"] == "/check/result/"
    answers = client.session["selfcheck"]["answers"]
    for qid in ("toes_catching", "pain_getting_worse", "long_term_steroids", "minor_fall"):
        assert answers[qid] == "no", qid
    assert client.get("/check/result/").context["tier"] == "watchful"


def test_not_sure_about_toes_catching_gets_its_own_call_today_line(client):
    send(client, NOW, all_no(NOW))
    send(client, TODAY, all_no(TODAY) | {"toes_catching": "unsure"})
    data = all_no(DAYS) | {"can_walk_short_distances": "yes"}
    send(client, DAYS, data)
    page = client.get("/check/result/")
    assert "toes_catching" in [row.qid for row in page.context["call_today"]]


SINCE_2 = {
    "pain_getting_worse": True,
    "long_term_steroids": False,
    "osteoporosis": True,
    "minor_fall": True,
    "toes_catching": False,
}


@pytest.mark.parametrize(
    "name", ["01-l5-classic-no-weakness", "03-s1-calf-push-off", "04-l4-stairs-known-weakness"]
)
def test_parity_with_assess_for_a_findings2_document(client, name):
    """The contract example plus the five findings@2 answers, walked through the pages:
    the same findings@2 document, and the result `radiculog assess` gives for it."""
    expected = {k: v for k, v in load_examples()[name]["findings"].items() if k != "notes"}
    expected = {
        **expected,
        "schema": "radiculog/findings@2",
        "answers": {**expected.get("answers", {}), **SINCE_2},
    }
    walk(client, expected)
    built = findings_from_state(client.session[KEY])
    assert normalised(built) == normalised(expected)
    engine = radiculog.assess(expected).to_dict()
    assert engine["urgency"]["tier"] == "urgent"  # osteoporosis with a small fall
    assert client.get("/check/result/").context["a"] == engine
