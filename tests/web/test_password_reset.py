"""Password reset by email with Django's own views: the link arrives, works once,
and the new password opens the same log."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from radiculog.web.symptomlog.models import Log

NEW_PASSWORD = "a new long password for dana"


@pytest.fixture
def dana(db: Any) -> User:
    user = User.objects.create_user("dana", email="dana@example.org", password="old pass 4 dana")
    Log.objects.create(owner=user)
    return user


def reset_link(client: Client, email: str) -> str:
    response = client.post(reverse("accounts:password_reset"), {"email": email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [email]
    assert "new password" in message.subject
    found = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_the_emailed_link_sets_a_new_password_for_the_same_log(dana: User, client: Client) -> None:
    link = reset_link(client, "dana@example.org")
    form_page = client.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    signed_in = Client().post(
        reverse("accounts:login"), {"username": "dana", "password": NEW_PASSWORD}
    )
    assert signed_in["Location"] == reverse("symptomlog:log")
    assert User.objects.get(username="dana").symptom_log.pk == dana.symptom_log.pk


def test_the_link_works_only_once(dana: User, client: Client) -> None:
    link = reset_link(client, "dana@example.org")
    page = client.get(link, follow=True)
    client.post(
        page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    again = Client().get(link, follow=True)
    assert b"does not work any more" in again.content


def test_an_unknown_address_sends_nothing_and_says_nothing_different(db: Any) -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "who@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_the_login_page_links_to_the_reset(db: Any) -> None:
    page = Client().get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in page


def test_mail_goes_to_the_console_unless_an_smtp_host_is_set(monkeypatch: Any) -> None:
    import importlib

    from radiculog.web import settings as web_settings

    monkeypatch.delenv("RADICULOG_EMAIL_HOST", raising=False)
    assert importlib.reload(web_settings).EMAIL_BACKEND.endswith("console.EmailBackend")
    monkeypatch.setenv("RADICULOG_EMAIL_HOST", "smtp.example.org")
    monkeypatch.setenv("RADICULOG_EMAIL_PORT", "465")
    reloaded = importlib.reload(web_settings)
    assert reloaded.EMAIL_BACKEND.endswith("smtp.EmailBackend")
    assert (reloaded.EMAIL_USE_SSL, reloaded.EMAIL_USE_TLS) == (True, False)
    monkeypatch.delenv("RADICULOG_EMAIL_HOST")
    monkeypatch.delenv("RADICULOG_EMAIL_PORT")
    importlib.reload(web_settings)
