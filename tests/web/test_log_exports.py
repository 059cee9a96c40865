"""Exports (log@1 JSON, CSV, FHIR, calendar) and import, through the web pages."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from tests.conftest import CONTRACT
from tests.web.log_personas import People, add, make_people

SCHEMAS = CONTRACT


@pytest.fixture
def people(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (10, 10), pain=3, sleep="well", walk_minutes=20, triggers="sitting")
    add(people.alice, 1, (10, 6), pain=6, easers="walking 8 minutes")
    return people


def log_schema_validator() -> jsonschema.Draft202012Validator:
    findings = json.loads((SCHEMAS / "findings.schema.json").read_text())
    log = json.loads((SCHEMAS / "log.schema.json").read_text())
    findings.pop("$id")
    log["properties"]["entries"]["items"]["properties"]["findings"] = findings  # inline the $ref
    return jsonschema.Draft202012Validator(log, format_checker=jsonschema.FormatChecker())


def test_the_json_export_is_a_valid_log_with_measures_in_the_notes(
    people: People, client: Client
) -> None:
    client.force_login(people.alice)
    response = client.get(reverse("symptomlog:export_json"))
    assert "attachment" in response["Content-Disposition"]
    doc = json.loads(response.getvalue())
    log_schema_validator().validate(doc)
    assert [e["findings"]["notes"] for e in doc["entries"]] == [
        "Pain 3/10. Sleep: slept well. Walked 20 minutes.",
        "Pain 6/10.",
    ]


def test_an_exported_log_imports_into_another_account_unchanged(
    people: People, client: Client
) -> None:
    client.force_login(people.alice)
    exported = client.get(reverse("symptomlog:export_json")).getvalue()
    client.force_login(people.bob)
    upload = SimpleUploadedFile("log.json", exported, content_type="application/json")
    response = client.post(reverse("symptomlog:import"), {"file": upload})
    assert response["Location"] == reverse("symptomlog:log")
    again = json.loads(client.get(reverse("symptomlog:export_json")).getvalue())
    assert again == json.loads(exported)
    assert [e.pain for e in people.bob.symptom_log.entries.all()] == [3, 6]


def test_importing_the_same_file_twice_adds_nothing_new(people: People, client: Client) -> None:
    client.force_login(people.alice)
    exported = client.get(reverse("symptomlog:export_json")).getvalue()
    before = [(e.at, e.tier) for e in people.alice.symptom_log.entries.all()]
    client.post(reverse("symptomlog:import"), {"file": SimpleUploadedFile("log.json", exported)})
    assert [(e.at, e.tier) for e in people.alice.symptom_log.entries.all()] == before


def test_imported_entries_get_the_tier_the_log_had_at_each(people: People, client: Client) -> None:
    client.force_login(people.alice)
    exported = client.get(reverse("symptomlog:export_json")).getvalue()
    tiers = [e.tier for e in people.alice.symptom_log.entries.all()]
    client.force_login(people.bob)
    client.post(reverse("symptomlog:import"), {"file": SimpleUploadedFile("log.json", exported)})
    assert [e.tier for e in people.bob.symptom_log.entries.all()] == tiers == ["watchful", "urgent"]


def test_a_bad_import_names_the_field_and_adds_nothing(people: People, client: Client) -> None:
    client.force_login(people.bob)
    bad = {"schema": "radiculog/log@1", "entries": [{"at": "2026-11-21T08:00:00Z", "findings": {
        "schema": "radiculog/findings@1", "answers": {"bladder_chang": True}}}]}  # fmt: skip
    upload = SimpleUploadedFile("log.json", json.dumps(bad).encode())
    response = client.post(reverse("symptomlog:import"), {"file": upload})
    assert "entries[0].findings.answers" in response.content.decode()
    assert people.bob.symptom_log.entries.count() == 0


def test_the_csv_has_a_row_per_entry(people: People, client: Client) -> None:
    client.force_login(people.alice)
    text = client.get(reverse("symptomlog:export_csv")).getvalue().decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["pain_0_10"], r["toe_lift_right"]) for r in rows] == [("3", "10"), ("6", "6")]


def test_the_fhir_export_validates_and_codes_pain_with_loinc(
    people: People, client: Client
) -> None:
    client.force_login(people.alice)
    bundle = json.loads(client.get(reverse("symptomlog:export_fhir")).getvalue())
    Bundle.model_validate(bundle)
    codes = [
        e["resource"]["code"]["coding"][0]["code"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
    ]
    assert codes.count("72514-3") == 2


def test_reminders_are_a_calendar_with_two_check_ins_a_day(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(
        reverse("symptomlog:reminders"),
        {"start": "2026-11-22", "days": "3", "morning": "07:30", "evening": "21:00"},
    )
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    starts = [line for line in text.split("\r\n") if line.startswith("DTSTART:")]
    assert starts[0] == "DTSTART:20261122T073000" and starts[-1] == "DTSTART:20261124T210000"
    assert len(starts) == 6
