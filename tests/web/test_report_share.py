"""Share links: read-only, expire (14 days by default), revocable, every opening recorded."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any, NamedTuple

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
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


class Made(NamedTuple):
    link: ShareLink
    token: str  # as the person copies it from the page, once


def make_link(client: Client, people: People, days: str = "14") -> Made:
    client.force_login(people.alice)
    page = client.post(reverse("reports:shares"), {"label": "physio", "days": days}, follow=True)
    url = BeautifulSoup(page.content, "html.parser").select_one(".share-link input[readonly]")
    token = url["value"].rstrip("/").rsplit("/", 1)[-1]
    return Made(ShareLink.objects.get(log__owner=people.alice), token)


def test_a_new_link_expires_in_fourteen_days(people: People, client: Client) -> None:
    link, token = make_link(client, people)
    assert abs((link.expires - timezone.now()) - timedelta(days=14)) < timedelta(minutes=1)
    assert len(token) >= 32


def test_the_link_is_shown_once_and_only_its_digest_is_kept(people: People, client: Client) -> None:
    link, token = make_link(client, people)
    assert link.token_digest == hashlib.sha256(token.encode()).hexdigest()
    stored = json.dumps(list(ShareLink.objects.values()), default=str)
    assert token not in stored
    again = client.get(reverse("reports:shares")).content.decode()
    assert token not in again and "physio" in again
    assert Client().get(reverse("reports:shared", args=[token])).status_code == 200


def test_a_clinician_opens_the_link_without_an_account(people: People, client: Client) -> None:
    link, token = make_link(client, people)
    clinician = Client()
    response = clinician.get(
        reverse("reports:shared", args=[token]), HTTP_USER_AGENT="ClinicBrowser"
    )
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Toe lifts weaker on the right, 4 vs 10" in soup.select_one(".sentences").text
    assert not soup.select("form")  # read-only: nothing to submit
    opening = ShareOpening.objects.get(link=link)
    assert (opening.what, opening.user_agent) == ("html", "ClinicBrowser")


def test_the_owner_sees_each_opening(people: People, client: Client) -> None:
    token = make_link(client, people).token
    Client().get(reverse("reports:shared", args=[token]))
    Client().get(reverse("reports:shared_pdf", args=[token]))
    page = BeautifulSoup(client.get(reverse("reports:shares")).content, "html.parser")
    assert "Opened 2 times" in page.select_one(".share-link").text
    assert [li.text.split("(")[-1] for li in page.select(".openings li")] == ["pdf)", "html)"]


def test_a_revoked_link_is_a_404(people: People, client: Client) -> None:
    link, token = make_link(client, people)
    client.post(reverse("reports:revoke", args=[link.pk]))
    assert Client().get(reverse("reports:shared", args=[token])).status_code == 404
    assert Client().get(reverse("reports:shared_pdf", args=[token])).status_code == 404
    assert not ShareOpening.objects.exists()


def test_an_expired_link_is_a_404(people: People, client: Client) -> None:
    token = make_link(client, people, days="2").token
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert Client().get(reverse("reports:shared", args=[token])).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=23)):
        assert Client().get(reverse("reports:shared", args=[token])).status_code == 200


def test_a_made_up_token_is_a_404(people: People, client: Client) -> None:
    make_link(client, people)
    assert Client().get(reverse("reports:shared", args=["not-a-token"])).status_code == 404


def test_another_persons_links_are_not_listed(people: People, client: Client) -> None:
    make_link(client, people)
    client.force_login(people.bob)
    assert "physio" not in client.get(reverse("reports:shares")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_links_made_before_digests_keep_working_after_the_migration() -> None:
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    before = [node for node in leaves if node[0] != "reports"] + [("reports", "0001_initial")]
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        owner = old.get_model("auth", "User").objects.create(username="early")
        log = old.get_model("symptomlog", "Log").objects.create(owner=owner)
        old.get_model("reports", "ShareLink").objects.create(
            log=log, token="an-old-token-made-before-0002", expires=timezone.now() + timedelta(3)
        )
    finally:  # the database goes back to the current schema whatever happens
        MigrationExecutor(connection).migrate(leaves)
    link = ShareLink.for_token("an-old-token-made-before-0002")
    assert link is not None and link.is_active()
    assert "an-old-token-made-before-0002" not in json.dumps(
        list(ShareLink.objects.values()), default=str
    )
