"""Object-level access control: every URL that takes an id is a 404 for anyone
but the owner, and every log page asks an anonymous visitor to log in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from radiculog.web.reports.models import ShareLink
from radiculog.web.symptomlog.models import Entry
from tests.web.log_personas import People, add, make_people


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def test_an_entry_is_a_404_for_a_stranger_and_shown_to_its_owner(
    people: People, client: Client
) -> None:
    entry = add(people.alice, 0, (10, 10), triggers="sitting in the car")
    url = reverse("symptomlog:entry", args=[entry.pk])
    client.force_login(people.charlie)
    assert client.get(url).status_code == 404
    client.force_login(people.bob)
    assert client.get(url).status_code == 404
    client.force_login(people.alice)
    page = client.get(url).content.decode()
    assert "sitting in the car" in page
    assert "Big-toe and foot lifts: left 10, right 10" in page


def test_a_stranger_cannot_delete_an_entry(people: People, client: Client) -> None:
    entry = add(people.alice, 0, (10, 10))
    client.force_login(people.bob)
    assert client.post(reverse("symptomlog:entry_delete", args=[entry.pk])).status_code == 404
    assert Entry.objects.filter(pk=entry.pk).exists()
    client.force_login(people.alice)
    client.post(reverse("symptomlog:entry_delete", args=[entry.pk]))
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_a_stranger_cannot_revoke_a_share_link(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    link = ShareLink.objects.create(log=people.alice.symptom_log)
    client.force_login(people.charlie)
    assert client.post(reverse("reports:revoke", args=[link.pk])).status_code == 404
    link.refresh_from_db()
    assert link.revoked is None
    client.force_login(people.alice)
    client.post(reverse("reports:revoke", args=[link.pk]))
    link.refresh_from_db()
    assert link.revoked is not None


def test_a_users_pages_show_only_their_own_log(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10), triggers="alice-only trigger")
    client.force_login(people.bob)
    for name in (
        "symptomlog:log",
        "reports:report",
        "symptomlog:export_csv",
        "symptomlog:export_json",
    ):
        assert "alice-only trigger" not in client.get(reverse(name)).getvalue().decode()


@pytest.mark.parametrize(
    "name",
    [
        "symptomlog:log",
        "symptomlog:new",
        "symptomlog:export_json",
        "symptomlog:export_csv",
        "symptomlog:export_fhir",
        "symptomlog:import",
        "symptomlog:reminders",
        "reports:report",
        "reports:pdf",
        "reports:prep",
        "reports:shares",
        "accounts:delete",
    ],
)
def test_log_pages_ask_an_anonymous_visitor_to_log_in(name: str, client: Client, db: Any) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "name",
    ["symptomlog:entry", "symptomlog:entry_delete", "reports:revoke"],
)
def test_id_pages_ask_an_anonymous_visitor_to_log_in(name: str, client: Client, db: Any) -> None:
    response = client.post(reverse(name, args=[1]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


POST_PAGES = [
    "symptomlog:new",
    "symptomlog:import",
    "symptomlog:reminders",
    "symptomlog:start",
    "reports:prep",
    "reports:shares",
    "accounts:delete",
    "accounts:logout",
]


@pytest.mark.parametrize("name", POST_PAGES)
def test_every_form_refuses_a_post_without_csrf_token(people: People, name: str) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.alice)
    assert client.post(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", ["accounts:signup", "accounts:login"])
def test_signing_up_and_in_need_a_csrf_token_too(db: Any, name: str) -> None:
    assert Client(enforce_csrf_checks=True).post(reverse(name)).status_code == 403


def test_id_forms_refuse_a_post_without_csrf_token(people: People) -> None:
    entry = add(people.alice, 0, (10, 10))
    link = ShareLink.objects.create(log=people.alice.symptom_log)
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.alice)
    assert client.post(reverse("symptomlog:entry_delete", args=[entry.pk])).status_code == 403
    assert client.post(reverse("reports:revoke", args=[link.pk])).status_code == 403
    assert Entry.objects.filter(pk=entry.pk).exists()
