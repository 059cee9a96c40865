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
