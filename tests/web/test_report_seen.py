"""The report's warning-sign screen names the clinician visit that released an
earlier warning sign, with its date, on the page, the PDF and the share link; the
report's tier is the log page's. Only the owner's records appear."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from radiculog.web.symptomlog.models import Log
from radiculog.web.symptomlog.views import add_entry
from tests.web.log_personas import (
    START,
    People,
    findings_with,
    seen_after_bladder_trouble,
)


@pytest.fixture
def people(db: Any) -> People:
    """alice: bladder trouble on 21 Nov 08:00, seen by a clinician at 11:00, calm since."""
    return seen_after_bladder_trouble()


def bladder_row(html: bytes) -> str:
    soup = BeautifulSoup(html, "html.parser")
    rows = [r for r in soup.select("table.screen tbody tr") if "bladder" in r.text]
    assert len(rows) == 1
    return " ".join(rows[0].text.split())


def test_the_report_names_the_visit_beside_the_sign_it_released(people: People, client: Client):
    client.force_login(people.alice)
    page = client.get(reverse("reports:report"))
    row = bladder_row(page.content)
    assert "21 Nov 08:00" in row and "seen by a clinician 21 Nov 11:00" in row
    first = page.context["first"]
    assert first.tier == "watchful"  # released, as on the log page
    log_page = client.get(reverse("symptomlog:log")).context["assessment"]
    assert log_page["urgency"]["tier"] == first.tier
    assert any("seen by a clinician 21 Nov 11:00" in line for line in first.why)


def test_a_sign_reported_again_after_the_visit_is_not_called_seen(people: People, client: Client):
    log = Log.objects.get(owner=people.alice)
    again = findings_with((10, 10))
    again["answers"] = {**again["answers"], "bladder_change": True}
    add_entry(log, again, at=START + timedelta(hours=24))
    client.force_login(people.alice)
    page = client.get(reverse("reports:report"))
    assert "seen by a clinician" not in bladder_row(page.content)
    assert page.context["first"].tier == "emergency"


def test_the_pdf_and_the_share_link_say_it_too(people: People, client: Client):
    client.force_login(people.alice)
    reader = PdfReader(io.BytesIO(client.get(reverse("reports:pdf")).content))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "seen by a clinician 21 Nov 11:00" in text
    made = client.post(reverse("reports:shares"), {"label": "GP", "days": "14"}, follow=True)
    url = BeautifulSoup(made.content, "html.parser").select_one(".share-link .share-url")
    token = url.text.strip().rstrip("/").rsplit("/", 1)[-1]
    shared = Client().get(reverse("reports:shared", args=[token]))
    assert "seen by a clinician 21 Nov 11:00" in bladder_row(shared.content)


def test_other_people_never_see_the_record(people: People, client: Client):
    for user in (people.charlie, people.bob):  # bob last: his PDF is read below
        client.force_login(user)
        page = client.get(reverse("reports:report"))
        assert b"seen by a clinician" not in page.content
    reader = PdfReader(io.BytesIO(client.get(reverse("reports:pdf")).content))
    assert "seen by a clinician" not in " ".join(p.extract_text() for p in reader.pages)
    client.logout()
    assert client.get(reverse("reports:report")).status_code == 302
