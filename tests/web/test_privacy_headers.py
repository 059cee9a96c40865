"""Health data is never cached: every page, PDF, export and API answer says
no-store; share pages keep their token out of search engines and referrers.
Static files, which hold no health data, keep their cache lifetime."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radiculog.web.reports.models import ShareLink
from tests.web.log_personas import People, add, make_people

PERSONAL = [
    reverse("symptomlog:log"),
    reverse("symptomlog:export_json"),
    reverse("symptomlog:export_csv"),
    reverse("symptomlog:export_fhir"),
    reverse("symptomlog:reminders"),
    reverse("reports:report"),
    reverse("reports:pdf"),
    reverse("reports:shares"),
    "/api/v1/log",
]


@pytest.fixture
def alice(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (8, 10))
    return people


@pytest.mark.parametrize("url", PERSONAL)
def test_every_answer_with_health_data_says_no_store(
    alice: People, client: Client, url: str
) -> None:
    client.force_login(alice.alice)
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Cache-Control"] == "no-store"


def test_share_page_and_pdf_say_no_store_noindex_and_no_referrer(alice: People) -> None:
    now = timezone.now()
    _link, token = ShareLink.make(
        alice.alice.symptom_log, "physio", now, now + timezone.timedelta(days=1)
    )
    for name in ("reports:shared", "reports:shared_pdf"):
        response = Client().get(reverse(name, args=[token]))
        assert response.status_code == 200, name
        assert response["Cache-Control"] == "no-store"
        assert "noindex" in response["X-Robots-Tag"]
        assert response["Referrer-Policy"] == "no-referrer"


def test_a_missing_share_link_also_says_noindex(db: Any) -> None:
    response = Client().get(reverse("reports:shared", args=["nope"]))
    assert response.status_code == 404
    assert response["Referrer-Policy"] == "no-referrer"


def test_static_files_are_not_marked_no_store(db: Any) -> None:
    response = Client().get("/static/radiculog/site.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
