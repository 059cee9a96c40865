"""The project's own error pages (issue 19): every error a person or program can meet
is our page (a JSON problem document under /api/), with the same protective headers,
and a database that cannot be written is a 503 saying nothing saved is lost."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.test import Client

from radiculog.web.symptomlog.models import Entry, Log
from radiculog.web.symptomlog.writing import add_entry
from tests.web.log_personas import base_findings

HEADERS = ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")


@pytest.fixture
def signed_in(transactional_db: Any) -> Client:
    """Signed in, outside a test transaction: a failed write must leave the
    connection as production leaves it (autocommit), not a broken test atomic."""
    user = User.objects.create_user("olga", password="x-long-password-19")
    add_entry(Log.objects.create(owner=user), base_findings())
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@contextmanager
def writes_fail(message: str = "database is locked") -> Iterator[None]:
    """Every INSERT, UPDATE or DELETE fails as a held lock or a full disk makes it fail."""

    def refuse(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise OperationalError(message)
        return execute(sql, *args)

    with connection.execute_wrapper(refuse):
        yield


def protected(response: Any) -> None:
    for name in HEADERS:
        assert response.headers.get(name), name
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("message", ["database is locked", "database or disk is full"])
def test_a_write_that_cannot_be_done_is_a_503_and_the_log_still_reads(
    signed_in: Client, message: str
) -> None:
    with writes_fail(message):
        response = signed_in.post("/log/seen/", {"note": "seen"})
        reading = signed_in.get("/log/")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "Nothing you saved before is lost" in response.content.decode()
    protected(response)
    assert reading.status_code == 200
    assert Entry.objects.count() == 1


def test_the_api_gets_a_problem_document_for_a_write_that_cannot_be_done(
    signed_in: Client,
) -> None:
    body = json.dumps({"findings": base_findings()})
    with writes_fail():
        response = signed_in.post("/api/v1/log/entries", body, content_type="application/json")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 503 and response["Retry-After"]
    protected(response)


def test_a_missing_page_is_the_projects_own_with_the_headers(client: Client, db: Any) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    protected(response)
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404 and api["Content-Type"] == "application/problem+json"


def test_too_many_fields_is_our_400_not_djangos_bare_one(client: Client, db: Any) -> None:
    fields = "&".join(f"f{n}=1" for n in range(5000))
    response = client.post(
        "/accounts/login/", fields, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "Bad Request (400)" not in response.content.decode()
    assert "could not be read" in response.content.decode()
    protected(response)


def test_a_failed_csrf_check_is_our_403(db: Any) -> None:
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "x"})
    assert response.status_code == 403
    assert "reload the page" in response.content.decode()
    protected(response)


def test_a_defect_is_our_500_with_the_headers(
    signed_in: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a defect")

    monkeypatch.setattr("radiculog.web.symptomlog.views.log_context", broken)
    response = signed_in.get("/log/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    protected(response)


def test_static_files_carry_nosniff_from_the_app_and_from_nginx(client: Client, db: Any) -> None:
    from tests.conftest import REPO

    response = client.get("/static/radiculog/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    nginx = (REPO / "deploy" / "nginx" / "radiculog.conf").read_text()
    static = nginx.split("location /static/", 1)[1].split("}", 1)[0]
    assert "add_header X-Content-Type-Options nosniff always;" in static
