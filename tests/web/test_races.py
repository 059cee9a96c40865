"""Requests that race (issue 19): tabs, double clicks and retries against the app in
gunicorn workers of its own (tests/web/live/app.py), on SQLite and PostgreSQL alike.
Nothing is doubled, nothing saved is lost, and no answer is a 500."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from tests.web.live.app import PASSWORD, Client, LiveApp
from tests.web.log_personas import base_findings
from tests.web.selfcheck_helpers import posts_for

pytestmark = pytest.mark.django_db(transaction=True)  # live_app: the test database
NOW = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def at_once(count: int, send: Callable[[int], requests.Response]) -> list[requests.Response]:
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(send, range(count)))


def entries(client: Client) -> list[dict[str, Any]]:
    answer = client.get("/log/export/log.json")
    assert answer.status_code == 200
    return list(json.loads(answer.content)["entries"])


def log_file(count: int) -> bytes:
    items = [
        {"at": (NOW - timedelta(hours=12 * n)).isoformat(), "findings": base_findings()}
        for n in range(count, 0, -1)
    ]
    return json.dumps({"schema": "radiculog/log@1", "entries": items}).encode()


def test_two_tabs_importing_one_file_store_each_entry_once(live_app: LiveApp) -> None:
    person = live_app.person("ines")
    upload = log_file(20)
    hidden = [person.form("/log/import/") for _ in range(3)]
    answers = at_once(
        3, lambda n: person.post("/log/import/", hidden[n], files={"file": ("log.json", upload)})
    )
    assert [a.status_code for a in answers] == [302] * 3
    assert len(entries(person)) == 20


def test_quick_repeats_of_add_my_check_make_one_entry(live_app: LiveApp) -> None:
    person = live_app.person("jon")
    person.get("/check/")
    for slug, data in posts_for(base_findings()):
        person.post(f"/check/step/{slug}/", data)
    hidden = person.form("/log/start/")  # one page, its button pressed four times
    answers = at_once(4, lambda _n: person.post("/log/start/", hidden))
    assert [a.status_code for a in answers] == [302] * 4
    assert len(entries(person)) == 1


def test_an_api_retry_with_its_idempotency_key_adds_one_entry(live_app: LiveApp) -> None:
    person = live_app.person("kim")
    person.get("/log/")
    body = json.dumps({"at": NOW.isoformat(), "findings": base_findings()})
    headers = {"Content-Type": "application/json", "Idempotency-Key": "retry-0001-of-kim"}
    answers = at_once(4, lambda _n: person.post("/api/v1/log/entries", body, headers=headers))
    assert [a.status_code for a in answers] == [201] * 4
    assert len({a.json()["id"] for a in answers}) == 1
    assert len(entries(person)) == 1


def test_the_older_of_two_prep_tabs_is_refused_not_saved_over(live_app: LiveApp) -> None:
    person = live_app.person("lea")
    first, second = person.form("/report/prep/"), person.form("/report/prep/")
    saved = person.post("/report/prep/", {**first, "lifting": "newer save"})
    assert saved.status_code == 302
    stale = person.post("/report/prep/", {**second, "lifting": "older tab"})
    assert stale.status_code == 200
    assert "changed in another tab" in stale.text
    assert "older tab" in stale.text  # what was typed is still on the page
    page = person.get("/report/prep/").text
    assert "newer save" in page and "older tab" not in page


def test_two_prep_tabs_saving_at_once_keep_exactly_one(live_app: LiveApp) -> None:
    person = live_app.person("max")
    hidden = person.form("/report/prep/")
    answers = at_once(4, lambda n: person.post("/report/prep/", {**hidden, "lifting": f"tab {n}"}))
    codes = sorted(a.status_code for a in answers)
    assert codes == [200, 200, 200, 302]
    (winner,) = [n for n, a in enumerate(answers) if a.status_code == 302]
    page = person.get("/report/prep/").text
    assert f"tab {winner}" in page


def test_parallel_sign_ups_with_one_name_give_one_account_and_form_errors(
    live_app: LiveApp,
) -> None:
    visitors = [live_app.client() for _ in range(8)]
    forms = [v.form("/accounts/signup/") for v in visitors]
    fields = {"username": "nora", "password1": PASSWORD, "password2": PASSWORD}
    answers = at_once(8, lambda n: visitors[n].post("/accounts/signup/", {**forms[n], **fields}))
    codes = sorted(a.status_code for a in answers)
    assert codes == [200] * 7 + [302]
    refused = [a for a in answers if a.status_code == 200]
    assert all("already exists" in a.text for a in refused)
