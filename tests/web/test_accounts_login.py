"""Login with throttling (django-axes): five wrong passwords for one name from one
address, then a pause, whatever is typed; counted atomically in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.web.log_personas import PASSWORD

LIMIT = settings.AXES_FAILURE_LIMIT
T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


@pytest.fixture
def alice(db: Any) -> User:
    return User.objects.create_user("alice", password=PASSWORD)


def attempt(client: Client, password: str, username: str = "alice", **extra: Any) -> Any:
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def test_the_right_password_logs_in(alice: User, client: Client) -> None:
    response = attempt(client, PASSWORD)
    assert response["Location"] == reverse("symptomlog:log")


def test_a_wrong_password_says_so_and_is_counted(alice: User, client: Client) -> None:
    response = attempt(client, "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="alice").failures_since_start == 1


def test_after_too_many_wrong_passwords_even_the_right_one_waits(
    alice: User, client: Client
) -> None:
    for _ in range(LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200
    assert attempt(client, "wrong").status_code == 429
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "wait 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_pause_ends_after_the_window(alice: User, client: Client) -> None:
    with time_machine.travel(T0, tick=False):
        for _ in range(LIMIT):
            attempt(client, "wrong")
        assert attempt(client, PASSWORD).status_code == 429
    with time_machine.travel(T0 + settings.AXES_COOLOFF_TIME + timedelta(seconds=5), tick=False):
        assert attempt(client, PASSWORD).status_code == 302


def test_a_success_clears_earlier_failures(alice: User, client: Client) -> None:
    for _ in range(LIMIT - 1):
        attempt(client, "wrong")
    attempt(client, PASSWORD)
    client.logout()
    for _ in range(LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302


def test_nobody_elsewhere_can_lock_a_person_out(alice: User, client: Client) -> None:
    for _ in range(LIMIT + 2):
        attempt(client, "wrong", REMOTE_ADDR="203.0.113.9")
    assert attempt(client, "wrong", REMOTE_ADDR="203.0.113.9").status_code == 429
    # alice, at home, still gets in: the pause is for that name from that address.
    assert attempt(Client(), PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_a_forged_forwarded_for_header_is_ignored_without_a_proxy(
    alice: User, client: Client
) -> None:
    # Not behind a proxy (the default), X-Forwarded-For is the client's own word.
    for n in range(LIMIT):
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_the_session_cookie_is_secure_http_only_and_same_site(alice: User, client: Client) -> None:
    response = attempt(client, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["secure"]  # outside development, only over HTTPS


def test_a_signed_in_session_outlives_an_anonymous_check(alice: User, client: Client) -> None:
    with time_machine.travel(T0, tick=False):
        attempt(client, PASSWORD)
        assert client.session.get_expiry_age() == settings.LOGIN_SESSION_SECONDS
    assert settings.LOGIN_SESSION_SECONDS > settings.SESSION_COOKIE_AGE
    later = T0 + timedelta(seconds=settings.SESSION_COOKIE_AGE + 3600)
    with time_machine.travel(later, tick=False):
        assert client.get(reverse("symptomlog:log")).status_code == 200


def test_behind_the_proxy_the_address_nginx_forwards_is_the_client(
    alice: User, client: Client, settings: Any
) -> None:
    # What RADICULOG_BEHIND_PROXY=true sets; nginx overwrites X-Forwarded-For with
    # the address it saw (deploy/nginx.conf), and every request reaches the app from
    # the proxy's own address.
    assert settings.AXES_IPWARE_PROXY_ORDER == "right-most"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(LIMIT):
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9", **via_proxy)
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    locked = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **via_proxy)
    assert locked.status_code == 429
    # A client that forges the header: nginx's address is the right-most one.
    forged = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9", **via_proxy)
    assert forged.status_code == 429
    other = attempt(Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **via_proxy)
    assert other.status_code == 302
