"""Helpers for the tests that run the production stack's real parts: Debian's nginx,
gunicorn, PostgreSQL, pg_dump. Skipped where a part is missing, except in CI
(.ci/run installs them), where a missing part fails the run."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

REPO = Path(__file__).resolve().parents[2]
PG_SERVER = os.environ.get("RADICULOG_STACK_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def require(*tools: str) -> None:
    path = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
    missing = [tool for tool in tools if shutil.which(tool, path=path) is None]
    if not missing:
        try:
            psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
        except psycopg.OperationalError as exc:
            missing.append(f"PostgreSQL at {PG_SERVER} ({exc})")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"needs {', '.join(missing)}")


def drop_database(name: str) -> None:
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def unique_database_name() -> str:
    """Our own names (never `test`), so helpers and CI runs never collide."""
    return f"radiculog_stack_{uuid.uuid4().hex[:10]}"


def _scratch() -> Iterator[str]:
    require()
    name = unique_database_name()
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        drop_database(name)


@pytest.fixture
def scratch_database() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database, dropped afterwards."""
    yield from _scratch()


@pytest.fixture
def scratch_database_2() -> Iterator[str]:
    yield from _scratch()
