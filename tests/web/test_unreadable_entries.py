"""Issue 11, item 5: an entry that slipped in before the limits (or is broken some
other way) never hides the rest of the log. Stored ones are repaired by migration
0004, tested through the migration itself."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from radiculog.web.symptomlog.models import Entry, Log
from tests.web.log_personas import People, add, base_findings, make_people

ON_SQLITE = connection.vendor == "sqlite"
NOTE = "could not be read"


@pytest.fixture
def people(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (10, 10), triggers="first readable")
    add(people.alice, 1, (10, 8), triggers="second readable")
    return people


def store(user: Any, at: datetime, findings: Any) -> Entry:
    """An entry written straight to the database, past every check."""
    return Entry.objects.create(log=Log.objects.get(owner=user), at=at, findings=findings)


BROKEN = [
    ("year 9999 in a zone ahead of UTC", datetime(9999, 12, 31, 23, 59, tzinfo=UTC), None),
    ("year 1 in a zone behind UTC", datetime(1, 1, 1, 0, 0, tzinfo=UTC), None),
    ("findings not an object", datetime(2026, 11, 22, 20, tzinfo=UTC), ["not", "findings"]),
    ("unknown region", datetime(2026, 11, 22, 20, tzinfo=UTC), {"pain": [{"region": 5}]}),
]


def store_broken(people: People, at: datetime, findings: Any) -> Log:
    """Alice's log with one broken entry (BROKEN), in a zone that makes its date overflow."""
    log: Log = people.alice.symptom_log
    log.timezone = "Asia/Tokyo" if at.year == 9999 else "America/New_York"
    log.save()
    bad = findings if findings is not None else base_findings()
    if isinstance(bad, dict):
        bad = {**base_findings(), **bad}
    store(people.alice, at, bad)
    return log


@pytest.mark.parametrize(("what", "at", "findings"), BROKEN, ids=[b[0] for b in BROKEN])
def test_every_page_shows_the_rest_of_the_log_and_a_note(
    people: People, client: Client, what: str, at: datetime, findings: Any
) -> None:
    store_broken(people, at, findings)
    client.force_login(people.alice)
    for name in ("symptomlog:log", "reports:report"):
        page = client.get(reverse(name)).content.decode()
        assert NOTE in page, (what, name)
    rows = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    assert len(rows.select(".entries tbody tr")) == 2  # the readable entries are all listed
    pdf = PdfReader(io.BytesIO(client.get(reverse("reports:pdf")).content))
    assert NOTE in " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    exported = json.loads(client.get(reverse("symptomlog:export_json")).getvalue())
    assert [e.get("triggers") for e in exported["entries"]] == ["first readable", "second readable"]
    for name in ("symptomlog:export_csv", "symptomlog:export_fhir", "symptomlog:new"):
        assert client.get(reverse(name)).status_code == 200
    assert client.get("/api/v1/log").status_code == 200
    # and the next entry is still saved and assessed
    assert add(people.alice, 2, (10, 8)).tier


def _migrate(target: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _leaves() -> list[tuple[str, str]]:
    """Every app's newest migration: going back only to the repair left the later
    symptomlog merge unapplied for whichever test came next."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_migration_repairs_entries_stored_before_the_limits() -> None:
    apps = _migrate([("symptomlog", "0003_log_trend_basis")])
    User = apps.get_model("auth", "User")
    old_log = apps.get_model("symptomlog", "Log")
    old_entry = apps.get_model("symptomlog", "Entry")
    started = datetime(2026, 11, 20, 9, tzinfo=UTC)
    log = old_log.objects.create(owner=User.objects.create(username="dana"), created=started)
    nulls = {**base_findings(), "function": None, "sensory": None}
    nulls["answers"] = {**nulls["answers"], "fever": None}
    rows = {
        "nulls": old_entry.objects.create(log=log, at=datetime(2026, 11, 21, 8, tzinfo=UTC),
                                          findings=nulls),
        "9999": old_entry.objects.create(log=log, at=datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
                                         findings=base_findings()),
        "year 1": old_entry.objects.create(log=log, at=datetime(1, 1, 1, tzinfo=UTC),
                                           findings=base_findings()),
    }  # fmt: skip
    if ON_SQLITE:  # PostgreSQL refuses these outright; SQLite stored them
        text = {**base_findings(), "notes": "a\x00b \ud83d"}
        rows["text"] = old_entry.objects.create(
            log=log, at=datetime(2026, 11, 21, 20, tzinfo=UTC), findings=text, triggers="x\x00y"
        )
    try:
        _migrate(_leaves())
        repaired = {key: Entry.objects.get(pk=row.pk) for key, row in rows.items()}
        assert "function" not in repaired["nulls"].findings
        assert "sensory" not in repaired["nulls"].findings
        assert "fever" not in repaired["nulls"].findings["answers"]  # unanswered, not "no"
        for key in ("9999", "year 1"):
            assert repaired[key].at == started  # moved to when the log was started ...
            assert "out of range" in repaired[key].findings["notes"]  # ... and said so
        if ON_SQLITE:
            assert repaired["text"].findings["notes"] == "ab \ufffd"
            assert repaired["text"].triggers == "xy"
        assert Entry.objects.count() == len(rows)  # nothing lost
        read = Log.objects.get(pk=log.pk).read()
        assert not read.unreadable and len(read.doc["entries"]) == len(rows)
    finally:  # the database goes back to the current schema whatever happens
        _migrate(_leaves())
        Entry.objects.all().delete()
        Log.objects.all().delete()


@pytest.mark.parametrize(("what", "at", "findings"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_streamed_export_keeps_exactly_the_entries_the_pages_keep(
    people: People, what: str, at: datetime, findings: Any
) -> None:
    """The FHIR export reads the log a chunk at a time (Log.readable_items) instead of
    all at once (Log.read): both must set aside the same entries, in the same order."""
    log = store_broken(people, at, findings)
    add(people.alice, 2, (9, 9), triggers="third readable")
    for chunk in (1, 2, 200):
        assert list(log.readable_items(chunk)) == log.read().doc["entries"]
    assert len(log.read().doc["entries"]) == 3
