"""The web pages say back what was read in a person's words (issue 18, class 6), and the
self-check result names the answers that disagreed (class 3)."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from radiculog.web.symptomlog.models import Entry
from tests.conftest import SAFETY_NO
from tests.web.log_personas import People, add, make_people
from tests.web.test_log_entry import form_data


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def test_a_warning_written_in_a_log_entry_escalates_and_is_said_back(
    people: People, client: Client
) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    response = client.post(reverse("symptomlog:new"), form_data(triggers="Numb when I wipe"))
    assert response.status_code == 302
    entry = Entry.objects.filter(log__owner=people.alice).last()
    assert entry is not None and entry.findings["answers"]["saddle_numbness"] is False
    assert entry.tier == "emergency"
    page = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    assert "tier-emergency" in page.select_one("main .escalation")["class"]
    said = page.select_one("main .notes-read").get_text(" ", strip=True)
    assert 'you wrote "Numb when I wipe": that is a warning sign' in said


def test_a_negated_warning_in_a_log_entry_is_not_read(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    client.post(reverse("symptomlog:new"), form_data(easers="no numbness when I wipe"))
    page = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    assert page.select_one("main .notes-read") is None


def test_the_entry_form_says_beside_the_boxes_that_they_are_read(
    people: People, client: Client
) -> None:
    client.force_login(people.alice)
    page = BeautifulSoup(client.get(reverse("symptomlog:new")).content, "html.parser")
    hints = " ".join(h.get_text(" ", strip=True) for h in page.select("form .hint"))
    assert "What you write here is read for warning signs" in hints


def test_the_said_back_words_are_escaped() -> None:
    html = render_to_string(
        "partials/_notes_read.html", {"notes_read": [{"text": 'You wrote "<b>x</b>"'}]}
    )
    assert "<b>" not in html and "&lt;b&gt;" in html


@pytest.mark.django_db
def test_the_result_page_names_the_answers_that_disagreed(client: Client) -> None:
    from tests.web.selfcheck_helpers import walk

    findings = {
        "schema": "radiculog/findings@2",
        "answers": dict(SAFETY_NO),
        "days_since_onset": 4,
        "pain": [{"region": "calf", "side": "left"}, {"region": "calf", "side": "right"}],
    }
    walk(client, findings)
    response = client.get("/check/result/")
    assert response.context["tier"] == "emergency"
    why = BeautifulSoup(response.content, "html.parser").select_one("ul.reasons")
    assert "whatever the both-legs answer says" in why.get_text(" ", strip=True)


@pytest.mark.django_db
def test_a_contradicted_no_is_not_listed_as_reassuring(client: Client) -> None:
    from tests.web.selfcheck_helpers import walk

    findings = {
        "schema": "radiculog/findings@2",
        "answers": dict(SAFETY_NO),
        "days_since_onset": 5,
        "pain": [{"region": "lateral_leg", "side": "left"}],
        "function": [{"test": "heel_walk", "left": "unable", "right": "normal"}],
    }
    walk(client, findings)
    response = client.get("/check/result/")
    assert response.context["tier"] == "urgent"
    fits = [row.qid for row in response.context["sides"]["fits"]]
    assert "weakness_new" not in fits and "bladder_change" in fits
