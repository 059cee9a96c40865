"""Fixtures for the Django layer's tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from tests.web.selfcheck_helpers import load_examples


@pytest.fixture(scope="session")
def examples() -> dict[str, dict[str, Any]]:
    found = load_examples()
    assert found, "no contract examples found beside the repository"
    return found


@pytest.fixture
def post_json(client: Any) -> Any:
    def post(url: str, body: object | str | bytes) -> Any:
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(url, data=data, content_type="application/json")

    return post


# A week after the log personas' first entry (tests/web/log_personas.py START).
LOG_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
def log_clock() -> Iterator[None]:
    """The present a week after the personas' first entry: a log's 14 days count back
    from the present (issue 27), so a test of a dated log travels to a fixed one
    rather than depend on today's date."""
    with time_machine.travel(LOG_NOW, tick=True):
        yield


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory, django_db_setup: Any) -> Iterator[Any]:
    """The app in gunicorn workers of its own, on this run's test database: a module
    using it marks its tests django_db(transaction=True), so that database exists
    (pytest-django makes only the databases marked tests ask for) and is emptied after."""
    from tests.web.live.app import serve

    yield from serve(tmp_path_factory.mktemp("live-app"))
