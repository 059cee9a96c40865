"""Deleting an account removes everything that belonged to it."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from radiculog.web.reports.models import Prep, ShareLink, ShareOpening
from radiculog.web.symptomlog.models import Entry, Log
from tests.web.log_personas import PASSWORD, People, add, make_people


@pytest.fixture
def people(db: Any) -> People:
    people = make_people()
    add(people.alice, 0, (10, 10))
    add(people.bob, 0, (10, 10))
    for user in (people.alice, people.bob):
        link = ShareLink.objects.create(log=user.symptom_log)
        ShareOpening.objects.create(link=link)
        Prep.objects.create(log=user.symptom_log, data={"imaging_text": "L5"})
    return people


def test_deleting_removes_the_log_entries_notes_and_links(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response["Location"] == reverse("home")
    assert not User.objects.filter(username="alice").exists()
    for model in (Log, Entry, Prep, ShareLink, ShareOpening):
        assert model.objects.count() == 1, model  # only bob's remains
    assert "_auth_user_id" not in client.session


def test_the_wrong_password_deletes_nothing(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("accounts:delete"), {"password": "nope"})
    assert response.status_code == 200
    assert "not your password" in response.content.decode()
    assert Entry.objects.count() == 2


def test_deleting_ends_the_persons_other_sessions_and_failed_login_counts(
    people: People, client: Client
) -> None:
    from axes.models import AccessAttempt
    from django.contrib.sessions.models import Session

    phone, laptop, bobs = Client(), Client(), Client()
    for device, name in ((phone, "alice"), (laptop, "alice"), (bobs, "bob")):
        signed_in = device.post(reverse("accounts:login"), {"username": name, "password": PASSWORD})
        assert signed_in.status_code == 302
    Client().post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    assert AccessAttempt.objects.filter(username="alice").exists()
    phone.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert laptop.get(reverse("symptomlog:log"))["Location"].startswith(reverse("accounts:login"))
    assert not AccessAttempt.objects.filter(username="alice").exists()
    assert Session.objects.count() == 1  # bob's
    assert bobs.get(reverse("symptomlog:log")).status_code == 200
