"""Issue 11, item 8: what a log costs does not grow with its length. A write reads
the trend basis, not the log, and still stores the tier the whole log gives; the
log page pages; the report's triage history is capped; big exports stream."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

import radiculog
from radiculog.web.symptomlog import writing
from radiculog.web.symptomlog.models import Entry, Log
from radiculog.web.symptomlog.writing import add_entry, delete_entry
from tests.web.log_personas import START, People, add, findings_with, make_people


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def whole_log_tiers(log: Log) -> list[str]:
    """The tier of each prefix of the log, from the whole log (the slow, obvious way)."""
    items = log.to_doc()["entries"]
    doc = {"schema": "radiculog/log@1", "entries": []}
    tiers = []
    for item in items:
        doc["entries"].append(item)
        tiers.append(radiculog.trend(doc).urgency.tier)
    return tiers


# right-side toe lifts that wobble, fall, recover: tiers change many times
WOBBLE = [10, 10, 9, 6, 10, 8, 4, 9, 10, 10, 7, 10, 5, 10, 10, 9]


def test_stored_tiers_are_the_whole_logs_through_adds_deletes_and_late_entries(
    people: People,
) -> None:
    log = people.alice.symptom_log
    for n, right in enumerate(WOBBLE):
        add(people.alice, n, (10, right))
    assert [e.tier for e in log.entries.all()] == whole_log_tiers(log)
    # deleting an entry the trend reads makes the basis be worked out again
    first = log.entries.first()
    assert first is not None
    log.refresh_from_db()
    assert log.trend_basis is not None and first.pk in log.trend_basis
    delete_entry(first)
    log.refresh_from_db()
    assert log.trend_basis is None
    late = add(people.alice, 3, (10, 3))  # dated between two entries: the slow path
    newest = add(people.alice, len(WOBBLE), (10, 10))
    tiers = whole_log_tiers(log)
    entries = list(log.entries.all())
    assert late.tier == tiers[entries.index(late)]
    assert newest.tier == tiers[-1]


class Queries:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def test_a_write_reads_the_same_whatever_the_logs_length(
    people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queries, and the entries the trend reads, are the same at 20 and 200 entries."""
    log = people.alice.symptom_log
    read: list[int] = []
    real_read = writing.read_entries

    def counting_read(entries: list[Entry], *args: Any) -> Any:
        read.append(len(entries))
        return real_read(entries, *args)

    monkeypatch.setattr(writing, "read_entries", counting_read)
    costs = []
    for size in (20, 200):
        entries = [Entry(log=log, at=START + timedelta(hours=12 * n)) for n in range(size)]
        for n, entry in enumerate(entries):
            entry.set_findings(findings_with((10, WOBBLE[n % len(WOBBLE)])))
        Entry.objects.bulk_create(entries)
        add_entry(log, findings_with((10, 10)), at=START + timedelta(days=400))  # basis known
        queries = Queries()
        read.clear()
        with connection.execute_wrapper(queries):
            add_entry(log, findings_with((10, 9)), at=START + timedelta(days=401))
        costs.append((queries.count, sum(read), len(log.trend_basis or [])))
        Entry.objects.all().delete()
        log.trend_basis = None
        log.save()
    assert costs[0] == costs[1]
    assert costs[0][1] <= 2 + 2 * 3  # first, newest, first and last of each value compared


def test_the_log_page_shows_fifty_entries_a_page_newest_first(
    people: People, client: Client
) -> None:
    log = people.alice.symptom_log
    entries = [
        Entry(log=log, at=START + timedelta(hours=12 * n), tier="watchful") for n in range(120)
    ]
    for entry in entries:
        entry.set_findings(findings_with((10, 10)))
    Entry.objects.bulk_create(entries)
    client.force_login(people.alice)
    pages = [
        BeautifulSoup(client.get(reverse("symptomlog:log"), {"page": n}).content, "html.parser")
        for n in (1, 2, 3)
    ]
    rows = [page.select(".entries tbody tr") for page in pages]
    assert [len(r) for r in rows] == [50, 50, 20]
    newest = rows[0][0].select_one("a")["href"]
    assert newest == reverse("symptomlog:entry", args=[log.entries.last().pk])  # type: ignore[union-attr]
    assert pages[0].select_one("nav.pages a[rel=next]")["href"] == "?page=2"
    assert pages[2].select_one("nav.pages a[rel=next]") is None
    assert "Page 3 of 3" in pages[2].select_one("nav.pages").text


def test_a_year_of_wobbling_tiers_keeps_the_report_to_two_pages_and_names_every_tier(
    people: People, client: Client
) -> None:
    log = people.alice.symptom_log
    tiers = ["watchful", "urgent", "urgent", "soon"]
    entries = []
    for n in range(730):
        entry = Entry(log=log, at=START + timedelta(hours=12 * n), tier=tiers[n % 4])
        entry.set_findings(findings_with((10, WOBBLE[n % len(WOBBLE)])))
        entries.append(entry)
    Entry.objects.bulk_create(entries)
    client.force_login(people.alice)
    reader = PdfReader(io.BytesIO(client.get(reverse("reports:pdf")).content))
    assert len(reader.pages) <= 2
    page = BeautifulSoup(client.get(reverse("reports:report")).content, "html.parser")
    heading = page.find("h2", string="Triage history")
    history = [li.text for li in heading.find_parent("section").select("li")]
    assert len(history) == 7  # the first change, the ones between summed up, the latest five
    between = " ".join(history[1].split())
    assert "more changes in between" in between
    assert "urgent (" in between and "soon (" in between and "watchful (" in between


def test_big_exports_stream_and_read_back_the_same(people: People, client: Client) -> None:
    for n, right in enumerate(WOBBLE):
        add(people.alice, n, (10, right), pain=n % 10, triggers="sitting")
    client.force_login(people.alice)
    for name in ("symptomlog:export_json", "symptomlog:export_csv", "symptomlog:export_fhir"):
        response = client.get(reverse(name))
        assert isinstance(response, StreamingHttpResponse), name
        assert len(list(response.streaming_content)) > len(WOBBLE)  # a piece at a time
    exported = client.get(reverse("symptomlog:export_json")).getvalue()
    assert json.loads(exported) == people.alice.symptom_log.to_doc()
    client.force_login(people.bob)
    client.post(reverse("symptomlog:import"), {"file": SimpleUploadedFile("log.json", exported)})
    assert [e.tier for e in people.bob.symptom_log.entries.all()] == [
        e.tier for e in people.alice.symptom_log.entries.all()
    ]
