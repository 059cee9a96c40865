"""Issue 27 on the web: future dates refused by every way in, clinician-seen records
that release only the signs ticked, the banner naming every warning sign with its
time, backdated entries re-tiered in time order, and one tier and one set of signs
on the log page, the API, the command line and the report."""

from __future__ import annotations

import io
import json
import sys
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from radiculog.cli import main
from radiculog.engine.log_visits import base
from radiculog.web.symptomlog.models import ClinicianSeen, Entry, Log
from radiculog.web.symptomlog.views import add_entry
from tests.web.conftest import LOG_NOW
from tests.web.log_personas import START, People, base_findings, findings_with, make_people

pytestmark = pytest.mark.usefixtures("log_clock")
ENTRIES = "/api/v1/log/entries"


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def _with(findings: dict[str, Any], **answers: bool) -> dict[str, Any]:
    return {**findings, "answers": {**findings["answers"], **answers}}


def _page(client: Client) -> Any:
    return client.get(reverse("symptomlog:log")).context


# 2. Future dates, by every way in.


def test_the_api_refuses_an_entry_in_the_future(
    people: People, client: Client, post_json: Any
) -> None:
    client.force_login(people.alice)
    ahead = (LOG_NOW + timedelta(days=365)).isoformat()
    response = post_json(ENTRIES, {"at": ahead, "findings": base_findings()})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["path"] == "entry.at" and "in the future" in error["message"]
    assert not Entry.objects.exists()


@pytest.mark.parametrize("where", ["entries", "clinician_seen"])
def test_the_import_refuses_an_entry_or_a_record_in_the_future(
    people: People, client: Client, where: str
) -> None:
    client.force_login(people.alice)
    ahead = (LOG_NOW + timedelta(days=3)).isoformat()
    doc: dict[str, Any] = {
        "schema": "radiculog/log@2",
        "entries": [{"at": START.isoformat(), "findings": base_findings()}],
    }
    if where == "entries":
        doc["entries"].append({"at": ahead, "findings": base_findings()})
    else:
        doc["clinician_seen"] = [{"at": ahead}]  # a booked appointment
    upload = SimpleUploadedFile("log.json", json.dumps(doc).encode(), "application/json")
    response = client.post(reverse("symptomlog:import"), {"file": upload})
    assert response.status_code == 200  # the form again, with the error
    assert "in the future" in response.content.decode()
    assert not Entry.objects.exists() and not ClinicianSeen.objects.exists()


def test_signs_named_by_a_record_survive_export_and_import(people: People, client: Client) -> None:
    log = Log.objects.get(owner=people.alice)
    add_entry(log, _with(base_findings(), fever=True), at=START)
    ClinicianSeen.objects.create(log=log, at=START + timedelta(hours=5), signs=["fever"])
    client.force_login(people.alice)
    exported = b"".join(client.get(reverse("symptomlog:export_json")).streaming_content)
    assert json.loads(exported)["clinician_seen"][0]["signs"] == ["fever"]
    client.force_login(people.bob)
    upload = SimpleUploadedFile("log.json", exported, "application/json")
    client.post(reverse("symptomlog:import"), {"file": upload})
    assert ClinicianSeen.objects.get(log__owner=people.bob).signs == ["fever"]


# 1. A record releases only the signs ticked.


def _bladder_and_fever(people: People) -> Log:
    log = Log.objects.get(owner=people.alice)
    add_entry(log, _with(base_findings(), bladder_change=True), at=START + timedelta(days=4))
    add_entry(log, _with(base_findings(), fever=True), at=START + timedelta(days=5))
    add_entry(log, base_findings(), at=START + timedelta(days=6))
    return log


def test_the_seen_form_offers_the_signs_shown_and_releases_only_those_ticked(
    people: People, client: Client
) -> None:
    log = _bladder_and_fever(people)
    client.force_login(people.alice)
    offered = dict(_page(client)["shown_signs"])
    assert {"bladder_change", "fever"} <= set(offered)
    page = client.get(reverse("symptomlog:log")).content.decode()
    assert 'name="signs" value="bladder_change" checked' in page
    url = reverse("symptomlog:seen")
    client.post(url, {"signs_offered": "1", "signs": ["fever"], "note": "GP: infection"})
    record = ClinicianSeen.objects.get(log=log)
    assert record.signs == ["fever"]
    context = _page(client)
    ids = {r["id"] for r in context["assessment"]["urgency"]["reasons"]}
    assert context["assessment"]["urgency"]["tier"] == "emergency"
    assert "earlier_bladder_change" in ids and "earlier_fever" not in ids
    # Nothing ticked: nothing recorded, and the person is asked to tick.
    client.post(url, {"signs_offered": "1"})
    assert ClinicianSeen.objects.filter(log=log).count() == 1


# 6. The banner names every warning sign with its time and what to do.


def test_the_banner_names_a_fever_of_an_earlier_entry_beside_the_falling_strength(
    people: People, client: Client
) -> None:
    """Fever in one entry with toe lifts falling 10 -> 6: an emergency (a falling test is
    a new deficit for fever_with_new_deficit), and the banner says why, with the date."""
    log = Log.objects.get(owner=people.alice)
    no = {"weakness_new": False}
    add_entry(log, _with(findings_with((10, 10)), **no), at=START + timedelta(days=5))
    fever = _with(findings_with((10, 8)), fever=True, **no)
    add_entry(log, fever, at=START + timedelta(days=5, hours=12))
    add_entry(log, _with(findings_with((10, 6)), **no), at=START + timedelta(days=6))
    client.force_login(people.alice)
    context = _page(client)
    banner = context["escalation"]
    assert banner.tier == "emergency"
    texts = " ".join(text for text, _action in banner.reasons)
    assert "Thu 26 Nov 2026 at 20:00" in texts  # the fever's own entry
    assert "getting weaker on the big-toe and foot lifts" in texts
    assert all(action for _text, action in banner.reasons)


# 7. A backdated entry: the later entries' tiers are worked out again in time order.


def test_an_entry_typed_later_for_yesterday_retiers_the_entries_after_it(
    people: People,
) -> None:
    log = Log.objects.get(owner=people.alice)
    add_entry(log, base_findings(), at=LOG_NOW - timedelta(days=1, hours=4))
    today = add_entry(log, base_findings(), at=LOG_NOW - timedelta(hours=1))
    assert today.tier == "watchful"
    add_entry(log, _with(base_findings(), fever=True), at=LOG_NOW - timedelta(hours=20))
    tiers = [e.tier for e in log.entries.order_by("at")]
    # Fever with the example's new numbness is an emergency (fever_with_new_deficit: any
    # new neurological symptom, Yusuf 2019); the entry typed before it is re-tiered too.
    assert tiers == ["watchful", "emergency", "emergency"]  # in time order, as the log stood


# The log page, the API, the command line and the report: one tier, the same signs.


def _cli(doc: dict[str, Any]) -> dict[str, Any]:
    out, stdin = io.StringIO(), sys.stdin
    try:
        sys.stdin = io.StringIO(json.dumps(doc))
        assert main(["trend", "-", "--format", "json"], out) == 0
    finally:
        sys.stdin = stdin
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def _signs(assessment: dict[str, Any]) -> set[str]:
    return {
        base(r["id"])
        for r in assessment["urgency"]["reasons"]
        if r["id"] not in ("no_warning_signs", "screening_incomplete") and r["tier"] != "watchful"
    }


@pytest.mark.parametrize("case", ["older bladder", "ticked fever", "fever and falling"])
def test_the_page_the_api_the_command_line_and_the_report_agree(
    people: People, client: Client, post_json: Any, case: str
) -> None:
    log = Log.objects.get(owner=people.alice)
    if case == "older bladder":  # 21 days ago, unseen: urgent (GIRFT 2023)
        add_entry(log, _with(base_findings(), bladder_change=True), at=LOG_NOW - timedelta(days=21))
        add_entry(log, base_findings(), at=LOG_NOW - timedelta(days=1))
    elif case == "ticked fever":
        _bladder_and_fever(people)
        ClinicianSeen.objects.create(log=log, at=LOG_NOW - timedelta(hours=2), signs=["fever"])
    else:
        add_entry(log, findings_with((10, 10)), at=LOG_NOW - timedelta(days=2))
        fever = _with(findings_with((10, 8)), fever=True)
        add_entry(log, fever, at=LOG_NOW - timedelta(days=1, hours=12))
        add_entry(log, findings_with((10, 6)), at=LOG_NOW - timedelta(days=1))
    client.force_login(people.alice)
    page = _page(client)["assessment"]
    doc = client.get("/api/v1/log").json()
    api = client.get("/api/v1/log/trend").json()
    stateless = post_json("/api/v1/trend", doc).json()
    cli = _cli(doc)
    report = client.get(reverse("reports:report")).context
    tiers = {a["urgency"]["tier"] for a in (page, api, stateless, cli, report["assessment"])}
    assert len(tiers) == 1 and report["first"].tier in tiers
    assert _signs(page) == _signs(api) == _signs(stateless) == _signs(cli)
    held = {row.holds for row in report["first"].screen if row.holds}
    assert all(
        ["watchful", "soon", "urgent", "emergency"].index(h)
        <= ["watchful", "soon", "urgent", "emergency"].index(report["first"].tier)
        for h in held
    )
    if case == "older bladder":
        assert tiers == {"urgent"} and "bladder_change" in _signs(page)
        assert held == {"urgent"}  # not its old emergency under an urgent headline


def test_an_entry_for_yesterday_counts_its_days_since_onset_to_its_own_date(
    people: People, client: Client
) -> None:
    """Durations count from the first symptom date: the days carried from the newest
    entry are moved to this entry's own date (one typed later for yesterday: a day
    fewer), so every entry names the same onset and the report's duration is right."""
    from tests.web.test_log_entry import form_data

    log = Log.objects.get(owner=people.alice)
    add_entry(log, {**base_findings(), "days_since_onset": 6}, at=LOG_NOW - timedelta(hours=2))
    client.force_login(people.alice)
    client.post(reverse("symptomlog:new"), form_data(when_day="yesterday", when_time="20:00"))
    client.post(reverse("symptomlog:new"), form_data())
    days = [e.findings.get("days_since_onset") for e in log.entries.order_by("at")]
    assert days == [5, 6, 6]  # 27 Nov 20:00, 28 Nov 10:00, 28 Nov 12:00: onset 22 Nov
    report = client.get(reverse("reports:report")).context["first"]
    assert report.duration == "Symptoms for 6 days at the latest entry."
