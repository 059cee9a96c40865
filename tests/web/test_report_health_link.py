"""The share link as a SMART Health Link, opened as a receiving app would (issue 25)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from joserfc.errors import DecodeError

from radiculog.exports.health_link import decrypt, read_shlink
from radiculog.web.reports.models import ShareLink, ShareOpening
from tests.web.log_personas import People, add, make_people

NOW = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)


@pytest.fixture
def people(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (10, 10), triggers="15 minutes sitting")
    add(people.alice, 1, (10, 4))
    return people


def _health_link(client: Client, people: People, days: str = "14") -> str:
    client.force_login(people.alice)
    page = client.post(reverse("reports:shares"), {"label": "physio", "days": days}, follow=True)
    return BeautifulSoup(page.content, "html.parser").select_one(".health-link").text.strip()


def _open(payload: dict[str, Any]) -> Any:
    """POST the manifest url with a recipient, as the IG asks."""
    path = payload["url"].removeprefix("http://testserver")
    return Client().post(path, {"recipient": "Example Clinic"}, content_type="application/json")


@time_machine.travel(NOW, tick=False)
def test_a_receiving_app_decrypts_the_log_as_a_fhir_bundle(people: People, client: Client) -> None:
    payload = read_shlink(_health_link(client, people))
    link = ShareLink.objects.get(log__owner=people.alice)
    assert (
        payload["exp"]
        == int(link.expires.timestamp())
        == int((NOW + timedelta(days=14)).timestamp())
    )
    assert len(payload["key"]) == 43 and len(payload["label"]) <= 80
    response = _open(payload)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    (file,) = response.json()["files"]
    assert file["contentType"] == "application/fhir+json"
    assert file["embedded"].count(".") == 4  # JWE compact serialisation
    bundle = decrypt(file["embedded"], payload["key"])
    kinds = {
        e["resource"]["resourceType"] for e in Bundle.model_validate(bundle).model_dump()["entry"]
    }
    assert "QuestionnaireResponse" in kinds
    assert ShareOpening.objects.filter(link=link, what="shl", user_agent="Example Clinic").exists()


@time_machine.travel(NOW, tick=False)
def test_another_key_cannot_decrypt_it(people: People, client: Client) -> None:
    payload = read_shlink(_health_link(client, people))
    embedded = _open(payload).json()["files"][0]["embedded"]
    with pytest.raises(DecodeError):
        decrypt(embedded, "A" * 43)


def test_it_stops_working_when_it_expires(people: People, client: Client) -> None:
    with time_machine.travel(NOW, tick=False):
        payload = read_shlink(_health_link(client, people, days="1"))
        assert _open(payload).status_code == 200
    with time_machine.travel(NOW + timedelta(days=1, seconds=1), tick=False):
        assert _open(payload).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_it_stops_working_when_switched_off(people: People, client: Client) -> None:
    payload = read_shlink(_health_link(client, people))
    link = ShareLink.objects.get(log__owner=people.alice)
    client.post(reverse("reports:revoke", args=[link.pk]))
    assert _open(payload).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_a_manifest_request_needs_a_recipient(people: People, client: Client) -> None:
    payload = read_shlink(_health_link(client, people))
    path = payload["url"].removeprefix("http://testserver")
    assert Client().post(path, {}, content_type="application/json").status_code == 400
    assert Client().get(path).status_code == 405
    assert (
        Client()
        .post(
            path.replace("/shared/", "/shared/x"),
            {"recipient": "x"},
            content_type="application/json",
        )
        .status_code
        == 404
    )
