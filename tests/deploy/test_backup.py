"""Backup and restore as docs/hosting.md tells it, with a log in the database:
SQLite's online backup, and a pg_dump/pg_restore round trip on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.conftest import REPO, require

pytestmark = pytest.mark.stack


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def shell(env: dict[str, str], call: str) -> str:
    return manage(env, "shell", "-c", f"from tests.deploy.backup_helpers import {call}; {call}()")


def app_env(tmp: Path, database_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RADICULOG_", "DATABASE_"))}
    env.update(RADICULOG_DATA_DIR=str(tmp), RADICULOG_SECRET_KEY="backup-test-" + "k" * 50)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def logs(env: dict[str, str]) -> Any:
    found = json.loads(shell(env, "print_logs").strip().splitlines()[-1])
    assert found and len(found[0]["entries"]) == 3 and found[0]["password_ok"]
    return found


def test_sqlite_online_backup_restores_the_log(tmp_path: Path) -> None:
    live = app_env(tmp_path / "live")
    manage(live, "migrate", "--noinput", "-v0")
    shell(live, "make_log")
    backup = tmp_path / "radiculog-backup.sqlite3"
    assert "integrity ok" in manage(live, "backup_sqlite", str(backup))
    restored_dir = tmp_path / "restored"
    restored_dir.mkdir()
    (restored_dir / "radiculog.sqlite3").write_bytes(backup.read_bytes())  # the restore
    restored = app_env(restored_dir)
    assert logs(restored) == logs(live)
    again = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "backup_sqlite", str(backup)],
        env=live, cwd=REPO, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.returncode != 0 and "exists already" in again.stderr


def test_pg_dump_and_pg_restore_round_trip_a_log(tmp_path: Path, request: Any) -> None:
    require("pg_dump", "pg_restore")
    source = request.getfixturevalue("scratch_database")
    target = request.getfixturevalue("scratch_database_2")
    live = app_env(tmp_path, source)
    manage(live, "migrate", "--noinput", "-v0")
    shell(live, "make_log")
    dump = tmp_path / "radiculog.dump"
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", source], check=True)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump)],
                   check=True)  # fmt: skip
    restored = app_env(tmp_path, target)
    assert "No migrations to apply" in manage(restored, "migrate", "--noinput")
    assert logs(restored) == logs(live)
