"""Issue 11, item 5: no input breaks a log. Every case the issue names, through the
JSON API and the log import: each is refused with a JSON 400/413 (API) or a form
error (import) naming the field, and nothing is stored; a null section is read
as absent and the log stays readable. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from radiculog.web.symptomlog.models import Entry
from tests.web.log_personas import People, findings_with, make_people

ENTRIES = "/api/v1/log/entries"
AT = "2026-11-21T08:00:00Z"


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def entry(**changes: Any) -> dict[str, Any]:
    findings = findings_with((10, 10))
    findings.update(changes.pop("findings", {}))
    return {"at": AT, "findings": findings, **changes}


# (what, entry as JSON text, the field the error names)
BAD_ENTRIES = [
    ("date in year 9999", json.dumps(entry(at="9999-12-31T23:59:59Z")), "entry.at"),
    ("date in year 1", json.dumps(entry(at="0001-01-01T00:00:00+05:00")), "entry.at"),
    ("NUL in the notes", json.dumps(entry(findings={"notes": "a\x00b"})), "entry.findings.notes"),
    ("NUL in the triggers", json.dumps(entry(triggers="sit\x00ting")), "entry.triggers"),
    (
        "lone surrogate in the notes",
        json.dumps(entry(findings={"notes": "pain \ud83d"})),
        "entry.findings.notes",
    ),
    ("schema: {}", json.dumps(entry(findings={"schema": {}})), "entry.findings.schema"),
    ("schema: []", json.dumps(entry(findings={"schema": []})), "entry.findings.schema"),
]


def api(client: Client, body: str | bytes, url: str = ENTRIES) -> Any:
    return client.post(url, body, content_type="application/json")


@pytest.mark.parametrize(("what", "body", "path"), BAD_ENTRIES, ids=[c[0] for c in BAD_ENTRIES])
def test_the_api_refuses_it_naming_the_field(
    people: People, client: Client, what: str, body: str, path: str
) -> None:
    client.force_login(people.alice)
    response = api(client, body)
    assert response.status_code == 400, what
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"][0]["path"] == path
    assert Entry.objects.count() == 0


FINDINGS_WITH_AGE = '{"findings": {"schema": "radiculog/findings@1", "age": AGE}}'
UNREADABLE = [
    ("5,000-digit number", FINDINGS_WITH_AGE.replace("AGE", "1" + "0" * 5000)),
    ("deep nesting", "[" * 100_000 + "]" * 100_000),
    ("nesting past the limit", '{"findings": {"notes": ' + "[" * 30 + "]" * 30 + "}}"),
    ("NaN", FINDINGS_WITH_AGE.replace("AGE", "NaN")),
    ("1e999", FINDINGS_WITH_AGE.replace("AGE", "1e999")),
]  # fmt: skip


@pytest.mark.parametrize(("what", "body"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
@pytest.mark.parametrize("url", [ENTRIES, "/api/v1/assess", "/api/v1/trend", "/api/v1/imaging"])
def test_unreadable_json_is_a_json_400_on_every_endpoint(
    people: People, client: Client, what: str, body: str, url: str
) -> None:
    client.force_login(people.alice)
    response = api(client, body, url)
    assert response.status_code == 400, what
    assert response.json()["error"] == "invalid JSON"
    assert Entry.objects.count() == 0


@pytest.mark.parametrize("size", [2 * 1024 * 1024 + 10, 3 * 1024 * 1024])
def test_a_body_past_the_limit_is_a_json_413(people: People, client: Client, size: int) -> None:
    client.force_login(people.alice)
    body = json.dumps(entry(findings={"notes": "x" * size}))
    for url in (ENTRIES, "/api/v1/assess"):
        response = api(client, body, url)
        assert response.status_code == 413
        assert response.json()["error"] == "invalid JSON"
        assert "limit" in response.json()["detail"]


def test_a_null_section_reads_as_absent_and_the_log_stays_readable(
    people: People, client: Client
) -> None:
    client.force_login(people.alice)
    nulls = entry(findings={"function": None, "sensory": None, "notes": None}, triggers=None)
    nulls["findings"]["answers"]["fever"] = None
    response = api(client, json.dumps(nulls))
    assert response.status_code == 201
    stored = Entry.objects.get()
    assert "function" not in stored.findings and "sensory" not in stored.findings
    assert "fever" not in stored.findings["answers"]  # unanswered, never "no"
    assert stored.triggers == ""
    for name in ("symptomlog:log", "reports:report", "reports:pdf", "symptomlog:export_json",
                 "symptomlog:export_csv", "symptomlog:export_fhir", "symptomlog:new"):  # fmt: skip
        assert client.get(reverse(name)).status_code == 200, name


def upload(client: Client, text: str) -> Any:
    return client.post(
        reverse("symptomlog:import"), {"file": SimpleUploadedFile("log.json", text.encode())}
    )


def as_log(entry_text: str) -> str:
    return '{"schema": "radiculog/log@1", "entries": [' + entry_text + "]}"


@pytest.mark.parametrize(("what", "body", "path"), BAD_ENTRIES, ids=[c[0] for c in BAD_ENTRIES])
def test_the_import_refuses_it_naming_the_field(
    people: People, client: Client, what: str, body: str, path: str
) -> None:
    client.force_login(people.alice)
    response = upload(client, as_log(body))
    assert response.status_code == 200, what  # the form again, with the error
    assert path.replace("entry.", "entries[0].") in response.content.decode()
    assert Entry.objects.count() == 0


@pytest.mark.parametrize(("what", "body"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
def test_the_import_refuses_unreadable_json(
    people: People, client: Client, what: str, body: str
) -> None:
    client.force_login(people.alice)
    response = upload(client, as_log(body))
    assert response.status_code == 200, what
    assert "is not valid JSON" in response.content.decode()
    assert Entry.objects.count() == 0
