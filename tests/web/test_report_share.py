"""Share links: read-only, expire (14 days by default), revocable, every opening recorded."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import pytest
import segno
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from radiculog.web.reports.handover import expiry_words
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
    url = BeautifulSoup(page.content, "html.parser").select_one(".share-link .share-url")
    token = url.text.strip().rstrip("/").rsplit("/", 1)[-1]
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


HEALTH_WORDS = ("Toe lift", "L5", "sitting", "urgent", "watchful", "Warning")


def test_a_switched_off_link_says_so_with_410_and_no_health_data(
    people: People, client: Client
) -> None:
    link, token = make_link(client, people)
    client.post(reverse("reports:revoke", args=[link.pk]))
    for name in ("reports:shared", "reports:shared_pdf"):
        response = Client().get(reverse(name, args=[token]))
        assert response.status_code == 410 and response["Content-Type"].startswith("text/html")
        text = BeautifulSoup(response.content, "html.parser").select_one("main").text
        assert "has switched this link off" in text and "ask them for a new link" in text
        assert not any(word in text for word in HEALTH_WORDS)
        assert response["Referrer-Policy"] == "no-referrer"
    assert not ShareOpening.objects.exists()


def test_an_expired_link_says_when_it_expired_with_410(people: People, client: Client) -> None:
    token = make_link(client, people, days="2").token
    expires = ShareLink.objects.get().expires
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        response = Client().get(reverse("reports:shared", args=[token]))
        assert response.status_code == 410
        text = BeautifulSoup(response.content, "html.parser").select_one("main").text
        assert f"expired on {expires:%-d %b %Y}" in text and "ask them for a new link" in text
        assert not any(word in text for word in HEALTH_WORDS)
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


@time_machine.travel(datetime(2026, 11, 27, 17, 30, tzinfo=UTC), tick=False)
def test_the_new_link_comes_with_a_qr_code_copy_and_share_buttons_and_its_expiry(
    people: People, client: Client
) -> None:
    client.force_login(people.alice)
    page = client.post(reverse("reports:shares"), {"label": "physio", "days": "14"}, follow=True)
    soup = BeautifulSoup(page.content, "html.parser")
    url = soup.select_one(".share-url").text.strip()
    assert url.startswith("http://testserver/report/shared/")
    drawn = soup.select_one(".qr-figure svg.qr path")["d"]
    health_link = soup.select_one(".health-link").text.strip()
    assert health_link.startswith(url + "#shlink:/")  # a browser opens the report
    expected = BeautifulSoup(
        segno.make(health_link, error="m").svg_inline(scale=4, border=4), "html.parser"
    )
    assert drawn == expected.select_one("path")["d"]  # the QR code is this link's
    assert not soup.select(".qr-figure [style], .qr-figure script")  # CSP: attributes only
    for kind in ("js-copy", "js-share"):  # shown by share.js only where the browser can
        assert soup.select_one(f"button.{kind}").has_attr("hidden")
    assert soup.select_one("script[src$='reports/share.js']") is not None
    expiry = soup.select_one(".share-link .expiry").text
    assert expiry == "Works for 14 more days, until Fri 11 Dec 2026 at 17:30."


def test_expiry_words() -> None:
    now = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    assert expiry_words(now + timedelta(hours=5), now).endswith("(less than a day left).")
    assert expiry_words(now + timedelta(days=1, hours=1), now).startswith("Works for 1 more day,")
    assert expiry_words(now - timedelta(seconds=1), now).startswith("Expired on")
