"""Login with throttling: a few wrong passwords, then a pause, whatever is typed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.urls import reverse

from radiculog.web.accounts import throttle
from tests.web.log_personas import PASSWORD


@pytest.fixture
def alice(db: Any) -> User:
    cache.clear()
    return User.objects.create_user("alice", password=PASSWORD)


def attempt(client: Client, password: str, username: str = "alice") -> Any:
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_the_right_password_logs_in(alice: User, client: Client) -> None:
    response = attempt(client, PASSWORD)
    assert response["Location"] == reverse("symptomlog:log")


def test_after_too_many_wrong_passwords_even_the_right_one_waits(
    alice: User, client: Client
) -> None:
    for _ in range(throttle.MAX_PER_NAME):
        assert attempt(client, "wrong").status_code == 200
    response = attempt(client, PASSWORD)
    assert response.status_code == 200
    assert "wait 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_pause_ends_after_the_window(alice: User, client: Client) -> None:
    for _ in range(throttle.MAX_PER_NAME):
        attempt(client, "wrong")
    later = datetime.now(UTC) + timedelta(seconds=throttle.WINDOW_SECONDS + 5)
    with time_machine.travel(later, tick=False):
        # the database cache compares expiry with timezone.now(), which time-machine moves
        assert attempt(client, PASSWORD).status_code == 302


def test_a_success_clears_earlier_failures(alice: User, client: Client) -> None:
    for _ in range(throttle.MAX_PER_NAME - 1):
        attempt(client, "wrong")
    attempt(client, PASSWORD)
    client.logout()
    for _ in range(throttle.MAX_PER_NAME - 1):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302


def test_one_address_trying_many_names_is_paused(alice: User, client: Client) -> None:
    for n in range(throttle.MAX_PER_ADDRESS):
        attempt(client, "wrong", username=f"someone{n}")
    assert "wait 15 minutes" in attempt(client, PASSWORD).content.decode()


def test_the_session_cookie_is_secure_http_only_and_same_site(alice: User, client: Client) -> None:
    response = attempt(client, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["secure"]  # outside development, only over HTTPS


def test_failures_are_counted_where_every_worker_process_sees_them(
    alice: User, client: Client
) -> None:
    attempt(client, "wrong")
    # A second cache connection stands for another worker process: it reads the
    # same count from the database, not from its own memory.
    other_worker = caches.create_connection("default")
    assert other_worker.get("login-fail:name:alice") == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM radiculog_cache")
        assert cursor.fetchone()[0] >= 2  # per name and per address
