"""A resource runs out (issue 19), against the app in gunicorn workers of its own: a
held SQLite write lock, a full disk (a tiny tmpfs), a PostgreSQL connection cut in the
middle of a request. A write that cannot be done is a 503 saying nothing saved is lost,
reading goes on, nothing acknowledged is lost, and the app recovers by itself."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tests.web.live.app import Client, LiveApp, serve
from tests.web.log_personas import base_findings
from tests.web.test_races import entries, log_file

pytestmark = pytest.mark.django_db(transaction=True)  # live_app: the test database
NOW = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own lock and data folder"
)


def post_entry(person: Client, n: int) -> Any:
    body = json.dumps({"at": (NOW + timedelta(hours=n)).isoformat(), "findings": base_findings()})
    return person.post("/api/v1/log/entries", body, headers={"Content-Type": "application/json"})


def unavailable(answer: Any, api: bool) -> None:
    assert answer.status_code == 503, answer.text[:300]
    assert int(answer.headers["Retry-After"]) > 0
    if api:
        assert answer.headers["Content-Type"] == "application/problem+json"
    else:
        assert "Nothing you saved before is lost" in answer.text
    assert answer.headers["Content-Security-Policy"] and answer.headers["X-Frame-Options"]


@sqlite_only
def test_a_write_lock_held_past_the_timeout_is_a_503_and_reading_goes_on(
    live_app: LiveApp,
) -> None:
    person = live_app.person("rosa")
    assert post_entry(person, 0).status_code == 201
    seen_form = person.form("/log/")
    holder = sqlite3.connect(Path(live_app.env["RADICULOG_DATA_DIR"]) / "radiculog.sqlite3")
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")  # another process keeps the writer lock
    try:
        unavailable(post_entry(person, 1), api=True)
        unavailable(person.post("/log/seen/", {**seen_form, "note": "x"}), api=False)
        assert person.get("/log/").status_code == 200
        assert len(entries(person)) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert post_entry(person, 2).status_code == 201  # by itself, nothing restarted
    assert len(entries(person)) == 2


@pytest.fixture
def tiny_disk(tmp_path: Path, django_db_setup: Any) -> Iterator[tuple[LiveApp, Path]]:
    """The app with its data folder on a 64 MB tmpfs, which the test then fills."""
    if connection.vendor != "sqlite":
        pytest.skip("the data folder holds the database only on SQLite")
    mount = tmp_path / "data"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {made.stderr.decode().strip()}")
    try:
        for app in serve(mount):
            yield app, mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 1024 * 1024)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_refuses_writes_with_a_503_and_keeps_the_log_readable(
    tiny_disk: tuple[LiveApp, Path],
) -> None:
    app, folder = tiny_disk
    person = app.person("sami")
    filler = fill(folder)
    answers = [post_entry(person, n) for n in range(20)]
    assert {a.status_code for a in answers} <= {201, 503}
    assert 503 in {a.status_code for a in answers}
    unavailable(next(a for a in answers if a.status_code == 503), api=True)
    acknowledged = sum(a.status_code == 201 for a in answers)
    assert person.get("/log/").status_code == 200
    assert len(entries(person)) == acknowledged  # nothing acknowledged is lost
    filler.unlink()
    assert post_entry(person, 99).status_code == 201
    assert len(entries(person)) == acknowledged + 1


def test_a_connection_cut_mid_import_loses_nothing_and_importing_again_finishes(
    live_app: LiveApp,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    person = live_app.person("tove")
    upload = log_file(1500)
    answers: list[Any] = []
    form = person.form("/log/import/")

    def send() -> None:
        answers.append(person.post("/log/import/", form, files={"file": ("l.json", upload)}))

    importing = threading.Thread(target=send)
    importing.start()
    time.sleep(2.5)
    with connection.cursor() as cursor:  # this test's own database only, never the server
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    importing.join()
    assert answers[0].status_code in (302, 503), answers[0].text[:300]
    if answers[0].status_code == 503:
        unavailable(answers[0], api=False)
    kept = len(entries(person))  # the app reconnects by itself
    again = person.post(
        "/log/import/", person.form("/log/import/"), files={"file": ("l.json", upload)}
    )
    assert again.status_code == 302
    assert len(entries(person)) == 1500 >= kept
