"""The paste page: a person pastes a report and reads it level by level, without JavaScript."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from radiculog.engine.knowledge import load_knowledge

pytestmark = pytest.mark.django_db
URL = "/imaging/"
REPORT = (
    "FINDINGS:\nL3-4: Normal.\n"
    "L4-5: Left paracentral disc protrusion contacting the traversing left L5 nerve root.\n"
    "L5-S1: Schmorl node.\n"
)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_empty_page_has_a_labelled_text_box_and_no_result(client):
    page = soup(client.get(URL))
    assert page.h1.get_text(strip=True) == "Read your scan report"
    box = page.find("textarea")
    label = page.find("label", attrs={"for": box["id"]})
    assert "scan report" in label.get_text()
    assert box["aria-describedby"] == f"{box['id']}_helptext"
    assert page.find(id=f"{box['id']}_helptext") is not None
    assert page.find(id="result") is None
    assert page.find("form")["method"] == "post"
    assert page.find("link", href=lambda h: h and h.endswith("imaging/imaging.css"))


def test_a_pasted_report_is_read_level_by_level(client):
    page = soup(client.post(URL, {"text": REPORT}))
    items = page.select("#result .level-item")
    assert [i.h4.get_text(strip=True) for i in items] == ["L3-L4", "L4-L5"]
    normal, protrusion = (i.get_text(" ", strip=True) for i in items)
    assert "The report calls this level normal" in normal and "can touch" not in normal
    assert "A disc protrusion , just off the middle, left side." in protrusion
    assert "A finding at L4-L5 can touch the L5 nerve root." in protrusion
    assert "The report says it touches the nerve root." in protrusion
    assert [q.get_text() for q in page.select(".unread-list q")] == ["L5-S1: Schmorl node."]
    assert "something we do not interpret" in page.select_one(".unread-list li").get_text()
    why = page.find("h3", string="Why a disc at one level can touch the root below")
    assert "The L5 nerve root runs down past this disc" in why.find_next("p").get_text()


def test_the_age_gives_the_rate_in_people_without_pain(client):
    page = soup(client.post(URL, {"text": REPORT, "age": "44"}))
    rates = [li.get_text(" ", strip=True) for li in page.select("#result h3 + ul li")]
    assert "About 33 in 100 people aged 40 with no back pain have a disc protrusion." in rates


def test_cauda_equina_wording_says_discuss_promptly(client):
    text = "L4-5: Large central extrusion with compression of the cauda equina."
    page = soup(client.post(URL, {"text": text}))
    alert = page.find(attrs={"role": "alert"})
    words = " ".join(alert.get_text().split())
    assert "discuss the report promptly with a clinician" in words
    # When to go at once, naming this region's emergency department, not a generic one.
    place = load_knowledge().services.emergency_department
    assert f"Go to {place} at once if you get new trouble passing urine" in words
    assert "numbness or weakness in both legs" in words


def test_empty_text_gets_an_error_on_the_field(client):
    page = soup(client.post(URL, {"text": "  ", "age": "300"}))
    errors = [e.get_text(" ", strip=True) for e in page.select(".field-error")]
    assert any("Paste the text of your report first." in e for e in errors)
    assert any("119" in e for e in errors)
    assert page.find(id="result") is None


def test_with_a_self_check_it_says_how_the_report_fits(client):
    state = {
        "answers": {q: "no" for q in (
            "bladder_change", "bowel_change", "saddle_numbness", "sexual_function_change",
            "both_legs", "weakness_worsening_rapidly", "major_trauma", "weakness_new",
            "foot_drop_new", "weakness_progressive", "fever", "severe_unrelenting_pain",
            "cancer_history", "unexplained_weight_loss", "immunosuppressed_or_iv_drug_use",
            "sleep_disrupted", "repeated_falls", "numbness_with_function_limits")},
        "age": 41,
        "pain": ["left:lateral_leg", "left:dorsum_foot", "left:great_toe"],
        "sensory": ["left:great_toe"], "sensory_kind": "tingling", "sensory_repeatable": "yes",
    }  # fmt: skip
    state["answers"].update(
        can_walk_short_distances="yes", pain_below_knee="yes", numbness_repeatable="yes"
    )
    session = client.session
    session["selfcheck"] = state
    session.save()
    page = soup(client.post(URL, {"text": REPORT, "compare": "on"}))
    note = page.select_one("#result .callout[role=note]").get_text(" ", strip=True)
    assert "lean to the L5 nerve root" in note
    assert "The report fits your symptoms." in note
    assert "point the same way" in note
    protrusion = page.select("#result .level-item")[1].get_text(" ", strip=True)
    assert page.select("#result .level-item h4")[1].get_text() == "L4-L5"
    assert "Fit with your leg: it can touch L5, the root your answers lean to." in protrusion


def test_the_report_text_is_not_put_in_the_url(client):
    page = soup(client.get(URL))
    assert page.find("form")["action"].startswith(URL)
    assert page.find("form")["method"] == "post"
