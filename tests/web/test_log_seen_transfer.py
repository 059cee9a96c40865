"""Clinician-seen records leave and come back with the log: the JSON export is
log@2 when the log has them (log@1 otherwise), the import reads both, and the log
imported into a fresh account has the same tier. Only the owner's records move."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import jsonschema
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from referencing import Registry, Resource

from radiculog.web.symptomlog.models import ClinicianSeen, Log
from tests.conftest import CONTRACT
from tests.web.log_personas import (
    SEEN_AT,
    People,
    seen_after_bladder_trouble,
)

# A log's 14 days count back from the present: a fixed one (tests/web/conftest.py).
pytestmark = pytest.mark.usefixtures("log_clock")


@pytest.fixture
def people(db: Any) -> People:
    """alice: bladder trouble on day 1, seen by a clinician after it, calm since."""
    return seen_after_bladder_trouble(note="GP: MRI clear")


def tier(client: Client, user: User) -> str:
    """The tier the log page shows its owner."""
    client.force_login(user)
    return str(client.get(reverse("symptomlog:log")).context["assessment"]["urgency"]["tier"])


def log2_validator() -> jsonschema.Draft202012Validator:
    own = resources.files("radiculog.contract").joinpath("schemas")
    schemas = [json.loads((CONTRACT / "findings.schema.json").read_text())]
    schemas.append(json.loads(own.joinpath("findings2.schema.json").read_text()))
    log2 = json.loads(own.joinpath("log2.schema.json").read_text())
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    return jsonschema.Draft202012Validator(
        log2, registry=registry, format_checker=jsonschema.FormatChecker()
    )


def export(client: Client, user: User) -> dict[str, Any]:
    client.force_login(user)
    response = client.get(reverse("symptomlog:export_json"))
    # read whole whether the export is sent at once or streamed
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return dict(json.loads(body))


def test_the_export_is_log2_with_the_records_when_there_are_any(people: People, client: Client):
    doc = export(client, people.alice)
    assert doc["schema"] == "radiculog/log@2"
    assert doc["clinician_seen"] == [{"at": SEEN_AT.isoformat(), "note": "GP: MRI clear"}]
    log2_validator().validate(doc)
    plain = export(client, people.bob)  # no records: log@1, as before
    assert plain["schema"] == "radiculog/log@1" and "clinician_seen" not in plain


def round_trip_keeps_records_and_tier(
    people: People, client: Client, fetch: Callable[[Client, User], dict[str, Any]]
) -> None:
    """Alice's log, fetched by `fetch` (the export or the API), imported into a fresh
    account: the clinician-seen record and every tier come along."""
    log = Log.objects.get(owner=people.alice)
    assert tier(client, people.alice) == "watchful"  # the bladder trouble was seen
    document = json.dumps(fetch(client, people.alice)).encode()
    fresh = User.objects.create_user("dana", password="x")
    client.force_login(fresh)
    upload = SimpleUploadedFile("log.json", document, content_type="application/json")
    response = client.post(reverse("symptomlog:import"), {"file": upload})
    assert response["Location"] == reverse("symptomlog:log")
    theirs = Log.objects.get(owner=fresh)
    assert [(s.at, s.note) for s in theirs.clinician_seen.all()] == [(SEEN_AT, "GP: MRI clear")]
    assert tier(client, fresh) == "watchful"  # without the record it would be an emergency
    assert [e.tier for e in theirs.entries.all()] == [e.tier for e in log.entries.all()]


def test_export_then_import_into_a_fresh_account_gives_the_same_tier(
    people: People, client: Client
):
    round_trip_keeps_records_and_tier(people, client, export)


def test_without_its_record_the_same_log_would_be_an_emergency(people: People, client: Client):
    """The record is what the round trip must carry: dropped, the tier changes."""
    doc = export(client, people.alice)
    doc = {"schema": "radiculog/log@1", "entries": doc["entries"]}
    client.force_login(people.charlie)
    client.post(
        reverse("symptomlog:import"),
        {"file": SimpleUploadedFile("l.json", json.dumps(doc).encode())},
    )
    assert tier(client, people.charlie) == "emergency"


def test_importing_twice_adds_no_second_record(people: People, client: Client):
    exported = json.dumps(export(client, people.alice)).encode()
    client.post(reverse("symptomlog:import"), {"file": SimpleUploadedFile("l.json", exported)})
    assert Log.objects.get(owner=people.alice).clinician_seen.count() == 1


def test_only_the_owner_exports_their_records(people: People, client: Client):
    assert "clinician_seen" not in export(client, people.bob)
    stranger = export(client, people.charlie)
    assert stranger == {"schema": "radiculog/log@1", "entries": []}
    client.logout()
    response = client.get(reverse("symptomlog:export_json"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert b"MRI clear" not in response.content


def test_an_import_changes_only_the_importers_log(people: People, client: Client):
    exported = json.dumps(export(client, people.alice)).encode()
    client.force_login(people.bob)
    client.post(reverse("symptomlog:import"), {"file": SimpleUploadedFile("l.json", exported)})
    assert Log.objects.get(owner=people.bob).clinician_seen.count() == 1
    assert Log.objects.get(owner=people.alice).clinician_seen.count() == 1
    client.logout()
    upload = SimpleUploadedFile("l.json", exported)
    response = client.post(reverse("symptomlog:import"), {"file": upload})
    assert response.status_code == 302 and "login" in response["Location"]
    assert ClinicianSeen.objects.count() == 2


def test_a_bad_record_is_refused_naming_the_field_and_nothing_is_added(
    people: People, client: Client
):
    doc = export(client, people.alice)
    doc["clinician_seen"][0]["at"] = "last tuesday"
    client.force_login(people.bob)
    upload = SimpleUploadedFile("l.json", json.dumps(doc).encode())
    response = client.post(reverse("symptomlog:import"), {"file": upload})
    assert response.status_code == 200
    assert "clinician_seen[0].at" in response.content.decode()
    bob = Log.objects.get(owner=people.bob)
    assert bob.clinician_seen.count() == 0 and bob.entries.count() == 1


def test_seen_times_keep_their_moment_across_zones(people: People, client: Client):
    log = Log.objects.get(owner=people.alice)
    log.timezone = "America/New_York"
    log.save()
    doc = export(client, people.alice)
    assert datetime.fromisoformat(doc["clinician_seen"][0]["at"]).astimezone(UTC) == SEEN_AT
