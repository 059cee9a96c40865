"""The step pages: one topic per page, answers kept, errors beside the field, emergency stop."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import radiculog
from radiculog.web.selfcheck import bodymap, session
from radiculog.web.selfcheck.steps import SAFETY_TOPICS, STEPS, TEST_ORDER

pytestmark = pytest.mark.django_db
K = radiculog.load_knowledge()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def url(slug):
    return f"/check/step/{slug}/"


def test_the_safety_topics_ask_every_safety_question_once():
    asked = [q for step in SAFETY_TOPICS for q in step.items]
    assert sorted(asked) == sorted(K.safety_questions())
    assert len(asked) == len(set(asked))
    assert STEPS[: len(SAFETY_TOPICS)] == SAFETY_TOPICS  # safety first
    assert sorted(TEST_ORDER) == sorted(K.home_tests)


def test_every_page_with_an_emergency_question_comes_before_the_others():
    emergency = {
        q for r in K.rules if r.tier == "emergency" and len(r.when_yes) == 1 for q in r.when_yes
    }
    pages = [bool(emergency & set(step.items)) for step in SAFETY_TOPICS]
    assert pages == sorted(pages, reverse=True)
    assert emergency <= {q for step in SAFETY_TOPICS for q in step.items}


def test_a_topic_page_asks_each_question_with_yes_no_and_not_sure(client):
    page = soup(client.get(url("bladder-bowel")))
    fieldsets = page.select("fieldset.question")
    assert [f.legend.get_text(strip=True) for f in fieldsets] == [
        K.questions["bladder_change"].text,
        K.questions["bowel_change"].text,
    ]
    for f in fieldsets:
        assert [i["value"] for i in f.select("input[type=radio]")] == ["yes", "no", "unsure"]
        for radio in f.select("input[type=radio]"):
            assert page.find("label", attrs={"for": radio["id"]})


def test_a_missing_answer_is_an_error_beside_it_and_keeps_the_other(client):
    response = client.post(url("bladder-bowel"), {"bladder_change": "no"})
    assert response.status_code == 400
    page = soup(response)
    bad = page.select_one("#bowel_change-field")
    assert "has-error" in bad["class"]
    assert "Choose yes, no or not sure." in bad.select_one(".field-error").get_text()
    assert page.select_one("#bladder_change-no").has_attr("checked")
    assert page.select_one(".error-summary a")["href"] == "#bowel_change-field"
    assert page.title.get_text().startswith("Error:")
    assert session.KEY not in client.session  # nothing saved from an invalid page


def test_answers_survive_going_back(client):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "unsure"})
    page = soup(client.get(url("bladder-bowel")))
    assert page.select_one("#bladder_change-no").has_attr("checked")
    assert page.select_one("#bowel_change-unsure").has_attr("checked")


def test_each_step_leads_to_the_next_and_the_last_to_the_result(client):
    response = client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "no"})
    assert response["Location"] == url("saddle")
    response = client.post(url("clinician"), {})
    assert response["Location"] == "/check/result/"


@pytest.mark.parametrize(
    ("slug", "data"),
    [
        ("bladder-bowel", {"bladder_change": "yes", "bowel_change": "unsure"}),
        ("weakness", {"weakness_worsening_rapidly": "yes", "weakness_new": "no",
                      "foot_drop_new": "no", "weakness_progressive": "no"}),
        ("pain-map", {"regions": ["saddle"]}),
        ("feeling-map", {"regions": ["saddle", "left:calf"], "kind": "numb", "repeatable": ""}),
    ],
)  # fmt: skip
def test_an_emergency_answer_goes_straight_to_the_emergency_page(client, slug, data):
    response = client.post(url(slug), data)
    assert response["Location"] == "/check/emergency/"
    page = soup(client.get("/check/emergency/"))
    assert page.select("input") == [] or all(i["type"] == "hidden" for i in page.select("input"))
    assert K.tiers["emergency"].do in page.get_text()


def test_the_emergency_page_is_only_for_emergencies(client):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "no"})
    assert client.get("/check/emergency/")["Location"] == "/check/result/"


def test_unanswered_safety_questions_make_the_result_incomplete_not_watchful(client):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "no"})
    response = client.get("/check/result/")
    a = response.context["a"]
    assert a["urgency"]["screening_complete"] is False
    assert a["urgency"]["tier"] != "watchful"
    page = soup(response)
    missing = page.select("#not-answered li")
    assert len(missing) == len(K.safety_questions()) - 2
    assert missing[0].a["href"] == url("saddle")


def test_a_function_test_takes_a_count_or_a_choice_not_both(client):
    response = client.post(url("test-toe_lift"), {"left_reps": "10", "left_choice": "weaker"})
    assert response.status_code == 400
    assert (
        "Give a count or a choice, not both."
        in soup(response).select_one("#left_reps-field").get_text()
    )
    client.post(url("test-toe_lift"), {"left_reps": "10", "right_choice": "weaker"})
    assert session.findings_from_session(_request(client))["function"] == [
        {"test": "toe_lift", "left": 10, "right": "weaker"}
    ]


def test_counts_outside_the_range_are_refused(client):
    response = client.post(url("test-calf_raise"), {"right_reps": "500"})
    assert response.status_code == 400
    assert "from 0 to 200" in soup(response).select_one("#right_reps-error").get_text()


def test_the_map_has_a_labelled_checkbox_and_a_titled_shape_per_region(client):
    page = soup(client.get(url("pain-map")))
    boxes = page.select("input[type=checkbox][name=regions]")
    assert sorted(b["value"] for b in boxes) == sorted(bodymap.ALL_KEYS)
    assert len(boxes) == 23 * 2 + 1
    for box in boxes:
        label = page.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True)
        region = box["value"].split(":")[-1]
        assert K.regions[region].label in label
    shapes = page.select("polygon.region")
    assert sorted(s["data-key"] for s in shapes) == sorted(bodymap.ALL_KEYS)
    assert all(s.title and s.title.get_text() for s in shapes)
    assert all(svg["aria-hidden"] == "true" for svg in page.select("svg.bodymap"))


def test_an_unknown_region_is_refused(client):
    response = client.post(url("pain-map"), {"regions": ["left:elbow"]})
    assert response.status_code == 400
    assert "left:elbow" in response.content.decode()


def test_an_unknown_step_is_not_found(client):
    assert client.get(url("nope")).status_code == 404


def test_the_result_needs_a_started_check(client):
    assert client.get("/check/result/")["Location"] == "/check/"


def test_the_findings_download_is_the_session_document(client):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "yes"})
    response = client.get("/check/findings.json")
    assert response["Content-Disposition"].startswith("attachment")
    assert response.json() == {
        "schema": "radiculog/findings@1",
        "answers": {"bladder_change": False, "bowel_change": True},
    }


def test_start_again_forgets_everything(client):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "no"})
    response = client.post("/check/restart/")
    assert response["Location"] == url(STEPS[0].slug)
    assert session.KEY not in client.session


def test_the_start_page_offers_to_continue_where_it_stopped(client):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "no"})
    link = soup(client.get("/check/")).find("a", string="Continue where you stopped")
    assert link["href"] == url("saddle")


def test_the_log_button_appears_only_when_the_log_app_is_there(client, settings):
    client.post(url("bladder-bowel"), {"bladder_change": "no", "bowel_change": "no"})
    settings.ROOT_URLCONF = "tests.web.selfcheck_only_urls"
    assert client.get("/check/result/").context["log_url"] is None
    assert "Start the 72-hour log" not in client.get("/check/result/").content.decode()


def _request(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = client.session
    return request


def test_the_red_flags_page_lists_every_question_rule_by_tier(client):
    page = soup(client.get("/check/red-flags/"))
    for rule in K.rules:
        if rule.when_facts or rule.tier == "watchful":
            continue
        section = page.select_one(f"#flags-{rule.tier}").find_parent("section").get_text()
        for q in (*rule.when_yes, *rule.when_no):
            assert K.questions[q].short in section, rule.id


@pytest.mark.parametrize("test_id", TEST_ORDER)
def test_each_home_test_has_its_own_how_to_page(client, test_id):
    page = soup(client.get(f"/check/tests/{test_id}/"))
    home_test = K.home_tests[test_id]
    assert page.h1.get_text() == home_test.name
    assert [li.get_text() for li in page.select("ol li")] == list(home_test.how)
    assert home_test.safety in page.get_text()
    assert page.select_one("svg.test-art title").get_text()


def test_an_unknown_home_test_is_not_found(client):
    assert client.get("/check/tests/nope/").status_code == 404


def test_a_watchful_result_puts_nothing_in_the_call_column(client, examples):
    from tests.web.selfcheck_helpers import walk

    walk(client, examples["01-l5-classic-no-weakness"]["findings"])
    response = client.get("/check/result/")
    assert response.context["tier"] == "watchful"
    assert soup(response).select(".card-call li") == []
    assert len(soup(response).select(".card-watch details li")) == len(K.safety_questions())


def test_every_step_belongs_to_one_section_and_the_page_says_which():
    from radiculog.web.selfcheck.steps import SECTIONS

    listed = [slug for _, slugs in SECTIONS for slug in slugs]
    assert listed == [s.slug for s in STEPS]


def test_the_progress_line_names_the_section(client):
    text = soup(client.get(url("weakness"))).select_one(".progress").get_text(" ", strip=True)
    assert text.startswith("Danger signs · 5 of 7")
    assert "step 5 of" in text


def test_an_emergency_result_does_not_offer_reassuring_answers(client, examples):
    from tests.web.selfcheck_helpers import walk

    walk(client, examples["05-cauda-equina-warning"]["findings"])
    page = soup(client.get("/check/result/"))
    assert page.select(".card-watch") == []
    assert len(page.select(".card-call li")) >= 2
