"""The appointment report as HTML and PDF, and the prep list."""

from __future__ import annotations

import io
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from radiculog.engine.services import services
from radiculog.summary.prep import suggested_questions
from radiculog.web.reports import forms as prep_forms
from radiculog.web.reports.models import Prep
from tests.web.log_personas import People, add, make_people

# A log's 14 days count back from the present: a fixed one (tests/web/conftest.py).
pytestmark = pytest.mark.usefixtures("log_clock")


@pytest.fixture
def people(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (10, 10), pain=4, triggers="15 minutes sitting")
    add(people.alice, 1, (10, 8), pain=5, triggers="15 minutes sitting")
    add(people.alice, 2, (10, 4), pain=6, easers="walking 8 minutes")
    return people


def test_the_report_says_what_changed_in_sentences(people: People, client: Client) -> None:
    client.force_login(people.alice)
    soup = BeautifulSoup(client.get(reverse("reports:report")).content, "html.parser")
    sentences = [li.text for li in soup.select(".sentences li")]
    assert "Toe lifts weaker on the right, 4 vs 10 (first entry: 10 vs 10)." in sentences
    assert "Walking 8 minutes eases it." in sentences
    history = [li.text for li in soup.select(".report section:nth-of-type(3) li")]
    assert history and "urgent" in " ".join(history).lower()
    assert soup.select_one(".function-table tbody tr:last-child").text.count("10 / 4") == 1


def test_the_pdf_carries_the_same_summary(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.get(reverse("reports:pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Toe lifts weaker on the right, 4 vs 10" in text
    assert "15 minutes sitting" in text


def in_region(monkeypatch: pytest.MonkeyPatch, region: str) -> None:
    """The prep form asks the deployment's region (RADICULOG_REGION) for its words."""
    monkeypatch.setattr(prep_forms, "services", lambda: services(region))


def test_prep_notes_are_saved_and_printed_in_the_report(
    people: People, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_region(monkeypatch, "us")
    client.force_login(people.alice)
    data = {
        "imaging_text": "L4-5: left paracentral disc protrusion contacting the traversing L5 root.",
        "med_0_name": "Ibuprofen",
        "med_0_dose": "400 mg three times a day",
        "med_0_helped": "took the edge off",
        "sitting_hours": "7.5",
        "lifting": "boxes up to 10 kg",
        "copay": "$30",
        "in_network_physio": "yes",
        "questions": "What does a first visit include?\nHow long is the exam?",
    }
    response = client.post(reverse("reports:prep"), data)
    assert response["Location"] == reverse("reports:report")
    saved = Prep.objects.get(log__owner=people.alice).data
    assert saved["medications"][0]["name"] == "Ibuprofen"
    assert saved["work"]["sitting_hours"] == 7.5
    assert saved["insurance"]["in_network_physio"] is True
    report = BeautifulSoup(client.get(reverse("reports:report")).content, "html.parser").select_one(
        ".prep"
    )
    assert "Ibuprofen" in report.text and "boxes up to 10 kg" in report.text
    assert "How long is the exam?" in report.text
    levels = [li.text for li in report.select(".imaging-levels li")]
    assert levels and levels[0].startswith("L4-L5 protrusion")  # read by the MRI reader
    form = BeautifulSoup(client.get(reverse("reports:prep")).content, "html.parser")
    assert form.select_one("input[name=med_0_dose]")["value"] == "400 mg three times a day"


@pytest.mark.parametrize("region", ["uk", "us", "eu"])
def test_suggested_questions_are_offered_not_printed(
    people: People, client: Client, monkeypatch: pytest.MonkeyPatch, region: str
) -> None:
    in_region(monkeypatch, region)
    client.force_login(people.alice)
    form = BeautifulSoup(client.get(reverse("reports:prep")).content, "html.parser")
    assert form.select_one("textarea[name=questions]").text.strip() == ""
    offered = [i["value"] for i in form.select("input[name=suggested]")]
    assert offered == list(suggested_questions(region))
    us_words = ("copay", "deductible", "network")
    assert any(w in form.text.lower() for w in us_words) is (region == "us")
    report = client.get(reverse("reports:report")).content.decode()
    assert not any(q in report for q in offered)  # nothing the person did not pick
    data = {"questions": "Can I keep driving?", "suggested": [offered[1], offered[-1]]}
    client.post(reverse("reports:prep"), data)
    report = BeautifulSoup(client.get(reverse("reports:report")).content, "html.parser")
    printed = [li.text for li in report.select(".prep .questions li")]
    assert printed == ["Can I keep driving?", offered[1], offered[-1]]


def test_sitting_more_than_a_day_is_refused(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("reports:prep"), {"sitting_hours": "30"})
    assert response.status_code == 200
    assert not Prep.objects.filter(log__owner=people.alice).exists()


def test_a_month_of_entries_still_fits_two_pages(people: People, client: Client) -> None:
    for n in range(3, 60):
        add(people.alice, n, (10, 4 + n % 3), pain=n % 10, triggers=f"trigger number {n % 12}")
    client.force_login(people.alice)
    reader = PdfReader(io.BytesIO(client.get(reverse("reports:pdf")).content))
    assert len(reader.pages) <= 2
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "entries in between" in text  # the table keeps the first and latest rows only


def test_the_pdf_opens_with_the_clinicians_first_page(people: People, client: Client) -> None:
    client.force_login(people.alice)
    reader = PdfReader(io.BytesIO(client.get(reverse("reports:pdf")).content))
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.index("At a glance") < first.index("What changed")
    assert "Age 41." in first and "Urgent: needs examination today or tomorrow" in first
    assert "Looks most like L5, right side" in first
    assert "Warning-sign screen: no warning answer in the log" in first
    calm = first[first.index("No warning answer at any entry") :]  # all-"no" rows: one line
    assert "new bladder trouble;" in calm.split(".")[0]
    tier_box = first.split("Root picture")[0]  # the escalation, written to the clinician
    assert "right: 10 at first, 4 now (getting weaker over the log)" in tier_box
    assert "Your " not in tier_box and " you " not in tier_box
