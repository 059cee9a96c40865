"""Idempotency keys (issue 19): a form sent again with its key (a double click, the
browser's resend) writes nothing the second time; the races themselves are in
tests/web/test_races.py."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from radiculog.web.symptomlog.models import ClinicianSeen, Entry
from tests.web.log_personas import People, add, base_findings, make_people
from tests.web.test_log_entry import form_data


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def key_on(client: Client, path: str) -> str:
    match = re.search(r'name="write_key" value="([0-9a-f]{32})"', client.get(path).content.decode())
    assert match, f"no write key on {path}"
    return match.group(1)


def test_an_entry_form_sent_twice_saves_one_entry(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    data = {**form_data(), "write_key": key_on(client, "/log/new/")}
    client.post("/log/new/", data)
    again = client.post("/log/new/", data, follow=True)
    assert Entry.objects.filter(log__owner=people.alice).count() == 2  # the first and one new
    assert "already saved" in again.content.decode()


def test_a_new_page_gives_a_new_key_so_a_second_entry_is_saved(
    people: People, client: Client
) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    for _ in range(2):
        client.post("/log/new/", {**form_data(), "write_key": key_on(client, "/log/new/")})
    assert Entry.objects.filter(log__owner=people.alice).count() == 3


def test_seen_by_a_clinician_sent_twice_is_recorded_once(people: People, client: Client) -> None:
    client.force_login(people.alice)
    for _ in range(2):
        client.post("/log/seen/", {"note": "GP", "write_key": "a" * 32})
    assert ClinicianSeen.objects.filter(log__owner=people.alice).count() == 1


def test_another_persons_key_does_not_stop_a_write(people: People, client: Client) -> None:
    for person in (people.alice, people.bob):
        client.force_login(person)
        client.post("/log/seen/", {"note": "GP", "write_key": "b" * 32})
    assert ClinicianSeen.objects.count() == 2


def test_an_api_key_that_is_not_a_key_is_refused(people: People, client: Client) -> None:
    client.force_login(people.alice)
    answer = client.post(
        "/api/v1/log/entries",
        {"findings": base_findings()},
        content_type="application/json",
        headers={"Idempotency-Key": "no spaces allowed"},
    )
    assert answer.status_code == 400
    assert Entry.objects.filter(log__owner=people.alice).count() == 0
