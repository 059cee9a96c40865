"""The health endpoint the proxy and load balancer ask: it really touches the database."""

from __future__ import annotations

from typing import Any

from django.db import OperationalError, connection
from django.test import Client


def test_health_answers_ok_with_the_database_it_reached(client: Client, db: Any) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": connection.vendor}
    assert response["Cache-Control"] == "no-store"


def test_health_is_503_when_the_database_cannot_be_reached(
    client: Client, db: Any, monkeypatch: Any
) -> None:
    def broken() -> Any:
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:  # undone before the test database is torn down
        patched.setattr(connection, "cursor", broken)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "OperationalError"}


def test_health_only_reads(client: Client, db: Any) -> None:
    assert client.post("/healthz").status_code == 405
