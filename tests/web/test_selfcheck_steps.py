"""The step pages: one topic per page, answers kept, errors beside the field, emergency stop."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import radiculog
from radiculog.web.selfcheck import alarms, bodymap, session
from radiculog.web.selfcheck.steps import ROOT_STEPS, SAFETY_TOPICS, STEPS, TEST_ORDER

pytestmark = pytest.mark.django_db
K = radiculog.load_knowledge()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def url(slug):
    return f"/check/step/{slug}/"


NO_NOW = {q: "no" for q in SAFETY_TOPICS[0].items}


def test_the_safety_topics_ask_every_question_a_warning_sign_rule_reads_once():
    asked = [q for step in SAFETY_TOPICS for q in step.items]
    assert sorted(asked) == sorted(K.screening_ids)
    assert {"toes_catching", "pain_getting_worse", "minor_fall"} <= set(asked)
    assert len(asked) == len(set(asked))
    assert STEPS[: len(SAFETY_TOPICS)] == SAFETY_TOPICS  # safety first
    assert len(SAFETY_TOPICS) <= 3  # with the result, the urgency answer is on page four
    assert sorted(TEST_ORDER) == sorted(K.home_tests)


def test_each_danger_page_holds_one_tier_and_the_most_urgent_come_first():
    """One decision per page: the engine's tier for each question's alarming answer."""
    tiers = [{alarms.tier_if_alarming(q) for q in step.items} - {None} for step in SAFETY_TOPICS]
    assert tiers[0] == {"emergency"}
    assert tiers[1] <= {"urgent", "soon"}  # past cancer alone is soon; with severe pain, urgent
    assert tiers[2] == {"soon"}


def test_a_topic_page_asks_each_question_with_yes_no_and_not_sure(client):
    page = soup(client.get(url("now")))
    fieldsets = page.select("fieldset.question")
    assert [f.legend.get_text(strip=True) for f in fieldsets] == [
        K.questions[q].text for q in SAFETY_TOPICS[0].items
    ]
    for f in fieldsets:
        assert [i["value"] for i in f.select("input[type=radio]")] == ["yes", "no", "unsure"]
        for radio in f.select("input[type=radio]"):
            assert page.find("label", attrs={"for": radio["id"]})


def test_a_missing_answer_is_an_error_naming_the_question_and_keeps_the_others(client):
    response = client.post(url("now"), {**NO_NOW, "bowel_change": ""})
    assert response.status_code == 400
    page = soup(response)
    bad = page.select_one("#bowel_change-field")
    assert "has-error" in bad["class"]
    assert "Choose yes, no or not sure." in bad.select_one(".field-error").get_text()
    assert page.select_one("#bladder_change-no").has_attr("checked")
    link = page.select_one(".error-summary a")
    assert link["href"] == "#bowel_change-field"
    assert "New bowel trouble:" in link.get_text()  # names the question
    assert page.title.get_text().startswith("Error:")
    # the answers given are kept; the blank one stays unanswered, never no
    assert client.session[session.KEY]["answers"]["bladder_change"] == "no"
    assert "bowel_change" not in client.session[session.KEY]["answers"]
    assert "now" not in client.session[session.KEY]["done"]


def test_no_to_all_answers_only_the_blank_questions_and_never_no_to_walking(client):
    response = client.post(url("now"), {"bladder_change": "unsure", "none-of-these": "1"})
    assert response["Location"] == url("today")
    answers = client.session[session.KEY]["answers"]
    assert answers["bladder_change"] == "unsure"  # a chosen answer is kept
    assert all(answers[q] == "no" for q in SAFETY_TOPICS[0].items if q != "bladder_change")
    response = client.post(url("days"), {"none-of-these": "1"})
    assert response.status_code == 400  # "can you walk" is not answered for the person
    assert "can_walk_short_distances" not in client.session[session.KEY]["answers"]
    assert soup(response).select_one(".error-summary a")["href"] == (
        "#can_walk_short_distances-field"
    )


def test_no_to_all_never_outvotes_a_yes(client):
    response = client.post(url("now"), {"saddle_numbness": "yes", "none-of-these": "1"})
    assert response["Location"] == "/check/emergency/"


def test_answers_survive_going_back(client):
    client.post(url("now"), {**NO_NOW, "bowel_change": "unsure"})
    page = soup(client.get(url("now")))
    assert page.select_one("#bladder_change-no").has_attr("checked")
    assert page.select_one("#bowel_change-unsure").has_attr("checked")


def test_the_danger_pages_lead_to_the_urgency_answer_then_the_optional_part(client):
    assert client.post(url("now"), NO_NOW)["Location"] == url("today")
    response = client.post(url("today"), {"none-of-these": "1"})
    assert response["Location"] == url("days")
    days = {"can_walk_short_distances": "yes", "none-of-these": "1"}
    assert client.post(url("days"), days)["Location"] == "/check/result/"
    result = soup(client.get("/check/result/"))
    assert result.select_one(".continue-roots a")["href"] == url("symptoms")
    assert client.post(url("tests"), {})["Location"] == "/check/result/"


@pytest.mark.parametrize(
    ("slug", "data"),
    [
        ("now", {"bladder_change": "yes"}),  # every other question on the page blank
        ("now", {"weakness_worsening_rapidly": "yes", "both_legs": "unsure"}),
        ("pain-map", {"regions": ["saddle"]}),
        ("feeling-map", {"regions": ["saddle", "left:calf"], "kind": "numb", "repeatable": ""}),
    ],
)
def test_an_emergency_answer_goes_straight_to_the_emergency_page(client, slug, data):
    response = client.post(url(slug), data)
    assert response["Location"] == "/check/emergency/"
    page = soup(client.get("/check/emergency/"))
    assert page.select("input") == [] or all(i["type"] == "hidden" for i in page.select("input"))
    assert K.tiers["emergency"].do in page.get_text()
    call = page.select_one("[role=alert] a[href^='tel:']")
    assert call["href"] == f"tel:{K.services.emergency_tel}"


def test_an_urgent_answer_says_call_today_at_once_and_going_on_is_a_choice(client):
    client.post(url("now"), NO_NOW)
    response = client.post(url("today"), {"fever": "yes"})  # the rest left blank
    assert response["Location"] == "/check/call-today/?next=today"
    page = soup(client.get(response["Location"]))
    assert K.tiers["urgent"].title in page.select_one("[role=alert]").get_text()
    assert page.find("a", string="Go on with the check")["href"] == url("today")
    # back on the page, the yes is kept and the blanks are still blank
    again = soup(client.get(url("today")))
    assert again.select_one("#fever-yes").has_attr("checked")
    assert not again.select_one("#weakness_new-field input[checked]")
    # once told, finishing the page goes on as usual
    rest = {q: "no" for q in SAFETY_TOPICS[1].items if q != "fever"}
    assert client.post(url("today"), {"fever": "yes", **rest})["Location"] == url("days")


def test_the_emergency_page_is_only_for_emergencies(client):
    client.post(url("now"), NO_NOW)
    assert client.get("/check/emergency/")["Location"] == "/check/result/"
    assert client.get("/check/call-today/")["Location"] == "/check/result/"


def test_unanswered_safety_questions_make_the_result_incomplete_not_watchful(client):
    client.post(url("now"), NO_NOW)
    response = client.get("/check/result/")
    a = response.context["a"]
    assert a["urgency"]["screening_complete"] is False
    assert a["urgency"]["tier"] != "watchful"
    page = soup(response)
    links = [a["href"] for a in page.select("main li a[href*='-field']")]
    unanswered = [q for q in K.safety_questions() if q not in NO_NOW]
    for q in unanswered:  # each unanswered question listed once, with a link to answer it
        assert sum(h.endswith(f"#{q}-field") for h in links) == 1, q
    assert url("today") + "#weakness_new-field" in links


def test_a_function_test_takes_a_count_or_a_choice_not_both(client):
    response = client.post(
        url("tests"), {"toe_lift:left_reps": "10", "toe_lift:left_choice": "weaker"}
    )
    assert response.status_code == 400
    field = soup(response).select_one("#toe_liftleft_reps-field")
    assert "Give a count or a choice, not both." in field.get_text()
    link = soup(response).select_one(".error-summary a")
    assert link["href"] == "#toe_liftleft_reps-field"
    assert "Big-toe and foot lifts, your left leg" in link.get_text()
    client.post(url("tests"), {"toe_lift:left_reps": "10", "toe_lift:right_choice": "weaker"})
    assert session.findings_from_session(_request(client))["function"] == [
        {"test": "toe_lift", "left": 10, "right": "weaker"}
    ]


def test_counts_outside_the_range_are_refused(client):
    response = client.post(url("tests"), {"calf_raise:right_reps": "500"})
    assert response.status_code == 400
    assert "from 0 to 200" in soup(response).select_one("#calf_raiseright_reps-error").get_text()
    # an error in a folded test opens the fold, so the message is seen
    assert soup(response).select_one("details.more-tests").has_attr("open") or (
        soup(response).select_one("#test-calf_raise").find_parent("details") is None
    )


def test_the_test_page_suggests_at_most_three_from_what_was_said(client, examples):
    from tests.web.selfcheck_helpers import posts_for

    findings = examples["03-s1-calf-push-off"]["findings"]
    for slug, data in posts_for(findings)[:-1]:  # everything but the tests
        client.post(url(slug), data)
    page = soup(client.get(url("tests")))
    suggested = [s["id"] for s in page.select("form > section.test-block")]
    folded = [s["id"] for s in page.select("details.more-tests section.test-block")]
    assert 1 <= len(suggested) <= 3
    assert suggested[0] == "test-calf_raise"  # the S1 daily check leads for an S1 picture
    assert sorted(suggested + folded) == sorted(f"test-{t}" for t in TEST_ORDER)


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
    client.post(url("now"), {"bladder_change": "no", "bowel_change": "yes"})
    response = client.get("/check/findings.json")
    assert response["Content-Disposition"].startswith("attachment")
    assert response.json() == {
        "schema": "radiculog/findings@1",
        "answers": {"bladder_change": False, "bowel_change": True},
    }


def test_start_again_forgets_everything(client):
    client.post(url("now"), NO_NOW)
    response = client.post("/check/restart/")
    assert response["Location"] == url(STEPS[0].slug)
    assert session.KEY not in client.session


def test_the_start_page_offers_to_continue_where_it_stopped(client):
    client.post(url("now"), NO_NOW)
    link = soup(client.get("/check/")).find("a", string="Continue where you stopped")
    assert link["href"] == url("today")


def test_the_log_button_appears_only_when_the_log_app_is_there(client, settings):
    client.post(url("now"), NO_NOW)
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
    assert soup(response).select(".reasons .tag") == []  # nothing points to calling
    assert len(soup(response).select("details.fits li")) == len(K.safety_questions())


def test_the_progress_line_names_the_part_and_the_page(client):
    text = soup(client.get(url("today"))).select_one(".progress").get_text(" ", strip=True)
    assert text == "Danger signs · page 2 of 3"
    text = soup(client.get(url("tests"))).select_one(".progress").get_text(" ", strip=True)
    assert text == "Which nerve root (optional) · page 4 of 4"


def test_an_emergency_result_does_not_offer_reassuring_answers(client, examples):
    from tests.web.selfcheck_helpers import walk

    walk(client, examples["05-cauda-equina-warning"]["findings"])
    page = soup(client.get("/check/result/"))
    assert page.select("details.fits") == []
    assert len(page.select(".reasons li")) >= 2


def test_under_16_the_tests_page_offers_no_home_strength_tests_and_says_why(client):
    """Issue 18: the home tests' norms are for adults (NICE NG59 covers over-16s); a
    child gets a clinician instead, and the result says so (rule age_under_16)."""
    checklist = {q: "no" for q in ROOT_STEPS[0].items}
    client.post(url("symptoms"), {**checklist, "age": "14", "days_since_onset": ""})
    page = soup(client.get(url("tests")))
    assert page.select_one("#child-no-tests")
    assert "clinician should examine" in page.select_one("#child-no-tests").get_text()
    assert not page.select(".more-tests") and not page.select("input[name$=left_reps]")
    assert page.select(".clinician-row")  # a clinician's findings can still be recorded
    reasons = client.get("/check/result/").context["a"]["urgency"]["reasons"]
    assert "age_under_16" in {r["id"] for r in reasons}
    client.post(url("symptoms"), {**checklist, "age": "30", "days_since_onset": ""})
    adult = soup(client.get(url("tests")))
    assert not adult.select_one("#child-no-tests") and adult.select("input[name$=left_reps]")


def test_the_first_page_hint_counts_the_partner_questions_it_ends_with():
    """Issue 18: pregnancy, sudden pain, feeling faint and blood thinners are no emergency
    alone; the hint says the last four matter only together, so it must stay true."""
    now = SAFETY_TOPICS[0]
    tiers = [alarms.tier_if_alarming(q) for q in now.items]
    assert "the last four" in str(now.hint)
    assert tiers[-4:] == [None] * 4
    assert set(tiers[:-4]) == {"emergency"}
