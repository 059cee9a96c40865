"""Changing the password while signed in (issue 19): a person without an e-mail
address can change it; the old one stops working, the new one works."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from tests.web.log_personas import PASSWORD

NEW = "a different long passphrase 42"


def test_a_signed_in_person_without_email_changes_their_password(client: Client, db: Any) -> None:
    user = User.objects.create_user("uma", password=PASSWORD)
    client.force_login(user)
    assert "/accounts/password/change/" in client.get("/log/").content.decode()
    answer = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert answer["Location"] == "/accounts/password/change/done/"
    user.refresh_from_db()
    assert user.check_password(NEW) and not user.check_password(PASSWORD)
    assert client.get("/accounts/password/change/done/").status_code == 200  # still signed in


def test_a_wrong_old_password_changes_nothing(client: Client, db: Any) -> None:
    user = User.objects.create_user("vic", password=PASSWORD)
    client.force_login(user)
    answer = client.post(
        "/accounts/password/change/",
        {"old_password": "not it at all", "new_password1": NEW, "new_password2": NEW},
    )
    assert answer.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_visitor_is_sent_to_sign_in(client: Client, db: Any) -> None:
    assert client.get("/accounts/password/change/")["Location"].startswith("/accounts/login/")
