"""The weekly Roland-Morris questionnaire: offered weekly, scored 0-24, each
person's own, in the report and the FHIR export."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from radiculog.web.symptomlog.models import Questionnaire
from tests.web.log_personas import People, add, make_people

MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def weekly_offered(client: Client) -> bool:
    page = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    return page.select_one(".weekly a[href$='/questionnaire/']") is not None


@time_machine.travel(MONDAY, tick=False)
def test_it_is_scored_as_the_number_ticked_and_offered_again_after_a_week(
    people: People, client: Client
) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    assert weekly_offered(client)
    page = BeautifulSoup(client.get(reverse("symptomlog:questionnaire")).content, "html.parser")
    assert len(page.select("input[name=ticked]")) == 24
    response = client.post(reverse("symptomlog:questionnaire"), {"ticked": ["1", "3", "17"]})
    assert response.status_code == 302
    saved = Questionnaire.objects.get(log__owner=people.alice)
    assert (saved.ticked, saved.score) == ([1, 3, 17], 3)
    assert not weekly_offered(client)
    with time_machine.travel(MONDAY + timedelta(days=7, minutes=1), tick=False):
        client.force_login(people.alice)  # sessions may be shorter than a week
        assert weekly_offered(client)


def test_an_empty_page_is_not_read_as_a_score_of_zero(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("symptomlog:questionnaire"), {})
    assert response.status_code == 200 and not Questionnaire.objects.exists()
    assert (
        "none" in BeautifulSoup(response.content, "html.parser").select_one(".error-summary").text
    )
    client.post(reverse("symptomlog:questionnaire"), {"none": "on"})
    assert Questionnaire.objects.get().score == 0


@pytest.mark.parametrize("bad", [["0"], ["25"], ["x"]])
def test_a_sentence_number_that_does_not_exist_is_refused(
    people: People, client: Client, bad: list[str]
) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("symptomlog:questionnaire"), {"ticked": bad})
    assert response.status_code == 200 and not Questionnaire.objects.exists()


def test_each_person_sees_and_saves_only_their_own(people: People, client: Client) -> None:
    log = people.alice.symptom_log
    Questionnaire.objects.create(log=log, ticked=[2, 4, 6, 8, 10, 12, 14], at=MONDAY)
    for stranger in (people.bob, people.charlie):
        client.force_login(stranger)
        page = client.get(reverse("symptomlog:questionnaire")).content.decode()
        assert "7 / 24" not in page
        client.post(reverse("symptomlog:questionnaire"), {"ticked": ["5"]})
    assert log.questionnaires.count() == 1
    client.force_login(people.alice)
    assert "7 / 24" in client.get(reverse("symptomlog:questionnaire")).content.decode()
    client.logout()
    response = client.get(reverse("symptomlog:questionnaire"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_report_and_fhir_carry_the_scores(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10), leg_pain=8, back_pain=3)
    add(people.alice, 1, (10, 10), leg_pain=3, back_pain=2)
    log = people.alice.symptom_log
    Questionnaire.objects.create(log=log, ticked=list(range(1, 15)), at=MONDAY)
    Questionnaire.objects.create(log=log, ticked=[1, 2, 3], at=MONDAY + timedelta(days=7))
    client.force_login(people.alice)
    report = client.get(reverse("reports:report")).content.decode()
    assert "Leg pain 8 → 3 of 10" in report and "better by 5 points" in report
    assert "Back pain 3 → 2 of 10" in report and "within day-to-day variation" in report
    assert "Roland-Morris disability score 14 → 3 of 24" in report
    bundle = json.loads(client.get(reverse("symptomlog:export_fhir")).getvalue())
    Bundle.model_validate(bundle)
    resources = [e["resource"] for e in bundle["entry"]]
    rmdq = [r for r in resources if r.get("questionnaire", "").endswith("rmdq-24")]
    assert len(rmdq) == 2 and len(rmdq[1]["item"]) == 24
    assert [i["answer"][0]["valueBoolean"] for i in rmdq[1]["item"]][:4] == [True] * 3 + [False]
    totals = [
        r["valueInteger"]
        for r in resources
        if r.get("code", {}).get("text", "").startswith("Roland")
    ]
    assert totals == [14, 3]
    legs = [r for r in resources if r.get("bodySite", {}).get("text") == "Leg (sciatica)"]
    assert [r["valueQuantity"]["value"] for r in legs] == [8, 3]
    assert legs[0]["code"]["coding"][0]["code"] == "72514-3"
