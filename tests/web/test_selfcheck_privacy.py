"""An anonymous check lives only in its session: no other row is written anywhere."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from tests.web.selfcheck_helpers import load_examples, walk

pytestmark = pytest.mark.django_db
# Rows every database has after migrate, whoever uses the site.
SCHEMA_ROWS = {"contenttypes.contenttype", "auth.permission"}


def row_counts() -> dict[str, int]:
    return {
        m._meta.label_lower: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.label_lower not in SCHEMA_ROWS and m is not Session
    }


def test_a_whole_check_writes_nothing_but_the_session(client):
    before = row_counts()
    findings = load_examples()["02-l5-new-toe-lift-weakness"]["findings"]
    walk(client, findings)
    assert client.get("/check/result/").status_code == 200
    assert row_counts() == before
    assert Session.objects.count() == 1


def test_forgetting_the_answers_removes_them_from_the_session_store(client):
    walk(client, load_examples()["01-l5-classic-no-weakness"]["findings"])
    client.post("/check/restart/")
    stored = Session.objects.get().get_decoded()
    assert "selfcheck" not in stored
