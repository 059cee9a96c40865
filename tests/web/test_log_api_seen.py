"""GET /api/v1/log gives what the JSON export gives: log@2 with the clinician-seen
records when there are any (or when an entry is findings@2), log@1 otherwise, so
a log read over the API and imported elsewhere keeps its records and its tier."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.web.log_personas import SEEN_AT, People, findings_with, seen_after_bladder_trouble
from tests.web.test_log_seen_transfer import (
    export,
    log2_validator,
    round_trip_keeps_records_and_tier,
)

URL = "/api/v1/log"


@pytest.fixture
def people(db: Any) -> People:
    """alice: bladder trouble on day 1, seen by a clinician after it, calm since."""
    return seen_after_bladder_trouble(note="GP: MRI clear")


def api_log(client: Client, user: User) -> dict[str, Any]:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return dict(response.json())


def documented_200(client: Client) -> jsonschema.Draft202012Validator:
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_api_log_is_the_export(people: People, client: Client) -> None:
    for user in (people.alice, people.bob):
        assert api_log(client, user) == export(client, user)
    doc = api_log(client, people.alice)
    assert doc["schema"] == "radiculog/log@2"
    assert doc["clinician_seen"] == [{"at": SEEN_AT.isoformat(), "note": "GP: MRI clear"}]
    log2_validator().validate(doc)
    plain = api_log(client, people.bob)  # no records: log@1, as before
    assert plain["schema"] == "radiculog/log@1" and "clinician_seen" not in plain


def test_both_shapes_match_the_openapi_document(people: People, client: Client) -> None:
    validator = documented_200(client)
    validator.validate(api_log(client, people.alice))
    validator.validate(api_log(client, people.bob))


def test_api_get_then_import_keeps_the_records_and_the_tier(people: People, client: Client):
    round_trip_keeps_records_and_tier(people, client, api_log)


def test_a_findings2_entry_makes_the_document_log2(people: People, client: Client) -> None:
    """log@1 entries are findings@1 only: a findings@2 answer (toes catching) must
    leave in a log@2 document, from the API and the export alike, without records."""
    client.force_login(people.bob)
    findings = {**findings_with((10, 10)), "schema": "radiculog/findings@2"}
    findings["answers"] = {**findings["answers"], "toes_catching": True}
    body = json.dumps({"at": "2026-11-22T08:00:00Z", "findings": findings})
    created = client.post(f"{URL}/entries", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["tier"] == "urgent"
    doc = api_log(client, people.bob)
    assert doc["schema"] == "radiculog/log@2" and "clinician_seen" not in doc
    assert doc == export(client, people.bob)
    log2_validator().validate(doc)
    documented_200(client).validate(doc)
