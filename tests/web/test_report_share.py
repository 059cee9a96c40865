"""Share links: read-only, expire (14 days by default), revocable, every opening recorded."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radiculog.web.reports.models import ShareLink, ShareOpening
from tests.web.log_personas import People, add, make_people


@pytest.fixture
def people(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (10, 10), triggers="15 minutes sitting")
    add(people.alice, 1, (10, 4))
    return people


def make_link(client: Client, people: People, days: str = "14") -> ShareLink:
    client.force_login(people.alice)
    client.post(reverse("reports:shares"), {"label": "physio", "days": days})
    return ShareLink.objects.get(log__owner=people.alice)


def test_a_new_link_expires_in_fourteen_days(people: People, client: Client) -> None:
    link = make_link(client, people)
    assert abs((link.expires - timezone.now()) - timedelta(days=14)) < timedelta(minutes=1)
    assert len(link.token) >= 32


def test_a_clinician_opens_the_link_without_an_account(people: People, client: Client) -> None:
    link = make_link(client, people)
    clinician = Client()
    response = clinician.get(
        reverse("reports:shared", args=[link.token]), HTTP_USER_AGENT="ClinicBrowser"
    )
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Toe lifts weaker on the right, 4 vs 10" in soup.select_one(".sentences").text
    assert not soup.select("form")  # read-only: nothing to submit
    opening = ShareOpening.objects.get(link=link)
    assert (opening.what, opening.user_agent) == ("html", "ClinicBrowser")


def test_the_owner_sees_each_opening(people: People, client: Client) -> None:
    link = make_link(client, people)
    Client().get(reverse("reports:shared", args=[link.token]))
    Client().get(reverse("reports:shared_pdf", args=[link.token]))
    page = BeautifulSoup(client.get(reverse("reports:shares")).content, "html.parser")
    assert "Opened 2 times" in page.select_one(".share-link").text
    assert [li.text.split("(")[-1] for li in page.select(".openings li")] == ["pdf)", "html)"]


def test_a_revoked_link_is_a_404(people: People, client: Client) -> None:
    link = make_link(client, people)
    client.post(reverse("reports:revoke", args=[link.pk]))
    assert Client().get(reverse("reports:shared", args=[link.token])).status_code == 404
    assert Client().get(reverse("reports:shared_pdf", args=[link.token])).status_code == 404
    assert not ShareOpening.objects.exists()


def test_an_expired_link_is_a_404(people: People, client: Client) -> None:
    link = make_link(client, people, days="2")
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert Client().get(reverse("reports:shared", args=[link.token])).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=23)):
        assert Client().get(reverse("reports:shared", args=[link.token])).status_code == 200


def test_a_made_up_token_is_a_404(people: People, client: Client) -> None:
    make_link(client, people)
    assert Client().get(reverse("reports:shared", args=["not-a-token"])).status_code == 404


def test_another_persons_links_are_not_listed(people: People, client: Client) -> None:
    link = make_link(client, people)
    client.force_login(people.bob)
    assert link.token not in client.get(reverse("reports:shares")).content.decode()
