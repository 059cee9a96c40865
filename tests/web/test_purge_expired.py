"""`manage.py purge_expired` deletes what the privacy note promises not to keep:
an anonymous self-check is gone once its session has expired."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO
from typing import Any

import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from radiculog.web.accounts.models import SignedInSession
from radiculog.web.selfcheck import session as selfcheck_session
from tests.web.log_personas import PASSWORD, make_people

T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
HOURS = settings.SESSION_COOKIE_AGE // 3600


def anonymous_check() -> str:
    client = Client()
    session = client.session
    session[selfcheck_session.KEY] = selfcheck_session.blank_state()
    session.save()
    return str(session.session_key)


def purge() -> str:
    out = StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def test_an_anonymous_check_is_deleted_once_its_session_expires(db: Any) -> None:
    with time_machine.travel(T0, tick=False):
        key = anonymous_check()
    with time_machine.travel(T0 + timedelta(hours=HOURS - 1), tick=False):
        purge()
        assert Session.objects.filter(session_key=key).exists()  # still in use
    with time_machine.travel(T0 + timedelta(hours=HOURS + 1), tick=False):
        assert "1 sessions" in purge()
        assert not Session.objects.filter(session_key=key).exists()


def test_a_signed_in_session_is_kept_until_its_own_end(db: Any) -> None:
    people = make_people()
    with time_machine.travel(T0, tick=False):
        client = Client()
        client.post(reverse("accounts:login"), {"username": "alice", "password": PASSWORD})
        assert SignedInSession.objects.filter(user=people.alice).count() == 1
    with time_machine.travel(T0 + timedelta(hours=HOURS + 1), tick=False):
        purge()
        assert SignedInSession.objects.count() == 1
    end = T0 + timedelta(seconds=settings.LOGIN_SESSION_SECONDS + 60)
    with time_machine.travel(end, tick=False):
        purge()
        assert Session.objects.count() == 0
        assert SignedInSession.objects.count() == 0


def test_failed_login_counts_are_deleted_after_their_pause(db: Any) -> None:
    make_people()
    with time_machine.travel(T0, tick=False):
        Client().post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
        assert AccessAttempt.objects.count() == 1
    with time_machine.travel(T0 + settings.AXES_COOLOFF_TIME - timedelta(minutes=1), tick=False):
        purge()
        assert AccessAttempt.objects.count() == 1
    with time_machine.travel(T0 + settings.AXES_COOLOFF_TIME + timedelta(minutes=1), tick=False):
        purge()
        assert AccessAttempt.objects.count() == 0


def test_expired_cache_rows_are_deleted(db: Any) -> None:
    from django.core.cache import cache
    from django.db import connection

    with time_machine.travel(T0, tick=False):
        cache.set("short", 1, 60)
        cache.set("long", 1, 3600)
    with time_machine.travel(T0 + timedelta(minutes=30), tick=False):
        purge()
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM radiculog_cache")
        assert [row[0].rsplit(":", 1)[-1] for row in cursor.fetchall()] == ["long"]


def test_write_keys_are_deleted_after_a_day(db: Any) -> None:
    from datetime import timedelta

    from django.contrib.auth.models import User
    from django.utils import timezone

    from radiculog.web.management.commands.purge_expired import purge
    from radiculog.web.writes.models import WriteKey

    user = User.objects.create_user("wes")
    now = timezone.now()
    WriteKey.objects.create(owner=user, key="old-key-0001", created=now - timedelta(days=2))
    WriteKey.objects.create(owner=user, key="new-key-0001", created=now - timedelta(hours=1))
    assert purge()["write keys"] == 1
    assert list(WriteKey.objects.values_list("key", flat=True)) == ["new-key-0001"]
