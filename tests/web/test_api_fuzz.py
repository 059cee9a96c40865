"""Issue 11, item 5: schemathesis against the served OpenAPI document, in process and
bounded (a few examples per operation). Every answer, signed in or not, must be a
documented status with a documented body, and never a server error. The full run
over loopback, with many more examples, is bench/fuzz_api.sh (figures in
bench/README.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

# The coverage phase (every case the schema defines, whatever max_examples says) runs
# in bench/fuzz_api.sh; here only the examples and a few generated cases.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), config=CONFIG
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CSRF = "abcdefghijklmnopqrstuvwxyzABCDEF"  # a cookie and header that match pass Django's check


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Iterator[None]:
    """As Django's test client does: a request must not close the test's database
    connection (and with it the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in(db: Any) -> dict[str, Any]:
    user, _ = User.objects.get_or_create(username="fuzz")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookies = {"sessionid": session.session_key, "csrftoken": CSRF}
    return {"cookies": cookies, "headers": {"X-CSRFToken": CSRF}}


@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.django_db
def test_every_answer_is_documented_signed_in(case: Any, signed_in: dict[str, Any]) -> None:
    case.call_and_validate(checks=CHECKS, **signed_in)


@schema.parametrize()
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@pytest.mark.django_db
def test_every_answer_is_documented_signed_out(case: Any) -> None:
    case.call_and_validate(checks=CHECKS)
