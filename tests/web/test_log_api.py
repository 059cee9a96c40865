"""The log over the JSON API: session login, own entries only, field-named errors."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from django.test import Client

from radiculog.web.symptomlog.models import Entry
from tests.web.log_personas import People, add, findings_with, make_people

# A log's 14 days count back from the present: a fixed one (tests/web/conftest.py).
pytestmark = pytest.mark.usefixtures("log_clock")

URL = "/api/v1/log"


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def post(client: Client, body: object) -> Any:
    return client.post(f"{URL}/entries", json.dumps(body), content_type="application/json")


def test_an_entry_posted_is_stored_and_assessed(people: People, client: Client) -> None:
    client.force_login(people.alice)
    first = post(client, {"at": "2026-11-21T08:00:00Z", "findings": findings_with((10, 10))})
    second = post(
        client,
        {"at": "2026-11-22T08:00:00Z", "findings": findings_with((10, 4)), "triggers": "sitting"},
    )
    assert (first.status_code, second.status_code) == (201, 201)
    assert (first.json()["tier"], second.json()["tier"]) == ("watchful", "urgent")
    doc = client.get(URL).json()
    assert [e["findings"]["function"][0]["right"] for e in doc["entries"]] == [10, 4]
    assert client.get(f"{URL}/trend").json()["trend"]["function"] == "worsening"


def test_a_bad_entry_is_a_400_naming_the_field(people: People, client: Client) -> None:
    client.force_login(people.alice)
    findings = findings_with((10, 10))
    findings["function"][0]["test"] = "toe_lifts"
    response = post(client, {"findings": findings})
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"].startswith("entry.findings.function[0].test")
    assert Entry.objects.count() == 0


def test_anothers_entry_is_a_404(people: People, client: Client) -> None:
    entry = add(people.alice, 0, (10, 10))
    client.force_login(people.charlie)
    assert client.get(f"{URL}/entries/{entry.pk}").status_code == 404
    assert client.delete(f"{URL}/entries/{entry.pk}").status_code == 404
    assert Entry.objects.filter(pk=entry.pk).exists()
    client.force_login(people.alice)
    assert client.get(f"{URL}/entries/{entry.pk}").json()["id"] == entry.pk
    assert client.delete(f"{URL}/entries/{entry.pk}").status_code == 204
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_the_log_api_needs_a_login(db: Any, client: Client) -> None:
    assert client.get(URL).status_code == 401
    assert post(client, {"findings": findings_with((10, 10))}).status_code == 401


def test_a_post_without_csrf_token_is_refused(people: People) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.alice)
    assert post(client, {"findings": findings_with((10, 10))}).status_code == 403
    assert Entry.objects.count() == 0


def test_every_answer_matches_the_openapi_document(people: People, client: Client) -> None:
    operations = client.get("/api/v1/openapi.json").json()["paths"]

    def check(response: Any, path: str, method: str) -> None:
        documented = operations[path][method]["responses"][str(response.status_code)]
        schema = documented["content"]["application/json"]["schema"]
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
            response.json()
        )

    client.force_login(people.charlie)
    check(client.get(f"{URL}/trend"), f"{URL}/trend", "get")  # 404: no entries yet
    created = post(client, {"at": "2026-11-21T08:00:00Z", "findings": findings_with((10, 10))})
    check(created, f"{URL}/entries", "post")
    post(client, {"findings": findings_with((10, 3)), "easers": "walking"})
    check(post(client, {"findings": {"schema": "x"}}), f"{URL}/entries", "post")
    check(post(client, "[1]"), f"{URL}/entries", "post")
    check(client.get(URL), URL, "get")
    check(client.get(f"{URL}/trend"), f"{URL}/trend", "get")
    one = f"{URL}/entries/{{entry_id}}"
    check(client.get(f"{URL}/entries/{created.json()['id']}"), one, "get")
    check(client.get(f"{URL}/entries/999999"), one, "get")
    check(client.delete(f"{URL}/entries/999999"), one, "delete")
