"""Limits that agree between layers (issue 19): each input has one declared limit
(radiculog.web.limits); anything within it is accepted, anything past it gets the same
form error, never a 500; nginx's documented body limit is the app's; a person's own
export always imports back."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radiculog.web import limits
from radiculog.web.reports.models import ShareLink
from radiculog.web.symptomlog.models import Entry, Log
from tests.conftest import REPO
from tests.web.log_personas import PASSWORD, base_findings

NGINX = REPO / "deploy" / "nginx" / "radiculog.conf"
START = datetime(2019, 11, 21, 8, 0, tzinfo=UTC)
WORDS = st.text(st.characters(categories=("L", "N")), min_size=1)
ONCE = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def owner(db: Any) -> tuple[User, Client]:
    user = User.objects.create_user("pia", password=PASSWORD)
    Log.objects.create(owner=user)
    client = Client()
    client.force_login(user)
    return user, client


def test_nginx_takes_every_body_the_app_takes() -> None:
    (size,) = re.findall(r"client_max_body_size (\d+)m;", NGINX.read_text())
    assert int(size) * limits.MIB == limits.REQUEST_BYTES >= limits.IMPORT_BYTES + limits.MIB


def test_a_5000_entry_export_imports_back_whole(owner: tuple[User, Client]) -> None:
    user, client = owner
    log = Log.objects.get(owner=user)
    entries = [
        Entry(log=log, at=START + timedelta(hours=12 * n), tier="watchful") for n in range(5000)
    ]
    for entry in entries:
        entry.set_findings(base_findings())
    Entry.objects.bulk_create(entries)
    exported = b"".join(client.get("/log/export/log.json").streaming_content)
    assert (
        len(exported) <= limits.IMPORT_BYTES
    )  # about 9-10 MB: the old 5 MB and nginx's 2 MB refused it
    other = User.objects.create_user("quin", password=PASSWORD)
    client.force_login(other)
    answer = client.post("/log/import/", {"file": SimpleUploadedFile("log.json", exported)})
    assert answer.status_code == 302, answer.content[-2000:]
    again = json.loads(b"".join(client.get("/log/export/log.json").streaming_content))
    assert again["entries"] == json.loads(exported)["entries"]


@ONCE
@given(label=WORDS)
def test_a_share_label_within_its_limit_is_kept_and_one_past_is_refused(
    owner: tuple[User, Client], label: str
) -> None:
    _user, client = owner
    label = (label * (limits.SHARE_LABEL_CHARS + 1))[: limits.SHARE_LABEL_CHARS + 1]
    within = client.post("/report/share/", {"label": label[:-1], "days": "14"})
    past = client.post("/report/share/", {"label": label, "days": "14"})
    assert within.status_code == 302
    assert ShareLink.objects.filter(label=label[:-1]).exists()
    assert past.status_code == 200
    assert f"at most {limits.SHARE_LABEL_CHARS} characters" in past.content.decode()


@ONCE
@given(extra=st.integers(min_value=1, max_value=1024 * 1024))
def test_a_user_name_past_its_limit_is_a_form_error_at_sign_up_and_sign_in(
    client: Client, db: Any, extra: int
) -> None:
    name = "n" * (limits.USERNAME_CHARS + extra)
    signup = client.post(
        "/accounts/signup/", {"username": name, "password1": PASSWORD, "password2": PASSWORD}
    )
    login = client.post("/accounts/login/", {"username": name, "password": PASSWORD})
    for answer in (signup, login):
        assert answer.status_code == 200
    assert f"at most {limits.USERNAME_CHARS} characters" in signup.content.decode()
    assert not User.objects.filter(username__startswith="nnn").exists()


def test_a_user_name_at_its_limit_signs_up(client: Client, db: Any) -> None:
    name = "n" * limits.USERNAME_CHARS
    answer = client.post(
        "/accounts/signup/", {"username": name, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert answer.status_code == 302 and User.objects.filter(username=name).exists()


@ONCE
@given(start=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_a_reminder_start_within_its_range_gives_a_calendar_and_past_it_a_form_error(
    owner: tuple[User, Client], start: date
) -> None:
    _user, client = owner
    form = {"start": start.isoformat(), "days": "14", "morning": "08:00", "evening": "20:00"}
    answer = client.post("/log/reminders/", form)
    if limits.REMINDER_FIRST <= start <= limits.REMINDER_LAST:
        assert answer["Content-Type"].startswith("text/calendar")
    else:
        assert answer.status_code == 200 and "field-error" in answer.content.decode()


def nginx_seconds(name: str) -> int:
    (value,) = re.findall(rf"^\s*{name} (\d+)s;", NGINX.read_text(), re.MULTILINE)
    return int(value)


def test_nginx_gives_up_on_slow_clients_and_waits_for_the_app_as_long_as_gunicorn() -> None:
    gunicorn = re.search(
        r"^timeout = (\d+)", (REPO / "deploy" / "gunicorn.conf.py").read_text(), re.MULTILINE
    )
    assert gunicorn is not None
    for name in ("client_header_timeout", "client_body_timeout", "send_timeout"):
        assert nginx_seconds(name) <= 30, name  # a trickling client cannot hold nginx long
    assert nginx_seconds("proxy_read_timeout") >= int(gunicorn.group(1))
    assert "proxy_request_buffering off" not in NGINX.read_text()
