"""Personas and log helpers for the log, account and report tests.

alice owns the log under test, bob keeps a log of his own, charlie is a
stranger with an account: every URL with an id must be a 404 for him.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib.auth.models import User

from radiculog.web.symptomlog.models import Entry, Log
from radiculog.web.symptomlog.views import add_entry
from tests.conftest import load_example

PASSWORD = "correct horse battery staple"
START = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


@dataclass
class People:
    alice: User
    bob: User
    charlie: User


def make_people() -> People:
    users = [
        User.objects.create_user(name, password=PASSWORD) for name in ("alice", "bob", "charlie")
    ]
    for user in users[:2]:
        Log.objects.create(owner=user)
    return People(*users)


def base_findings() -> dict[str, Any]:
    """A complete, calm L5 check (contract example 01) to vary per entry."""
    return copy.deepcopy(load_example("01-l5-classic-no-weakness.json")["findings"])


def findings_with(toe: tuple[int, int], **extra: Any) -> dict[str, Any]:
    findings = base_findings()
    findings["function"] = [{"test": "toe_lift", "left": toe[0], "right": toe[1]}]
    findings.update(extra)
    return findings


def add(user: User, n: int, toe: tuple[int, int], **fields: Any) -> Entry:
    """The n-th twice-daily entry of the user's log."""
    log = Log.objects.get(owner=user)
    return add_entry(log, findings_with(toe), at=START + timedelta(hours=12 * n), **fields)


SEEN_AT = START + timedelta(hours=3)  # 21 Nov 11:00 UTC


def seen_after_bladder_trouble(note: str = "") -> People:
    """alice: bladder trouble at START, seen by a clinician three hours later, calm
    since; bob: one calm entry; charlie: no log."""
    from radiculog.web.symptomlog.models import ClinicianSeen

    people = make_people()
    log = Log.objects.get(owner=people.alice)
    flagged = findings_with((10, 10))
    flagged["answers"] = {**flagged["answers"], "bladder_change": True}
    add_entry(log, flagged, at=START)
    ClinicianSeen.objects.create(log=log, at=SEEN_AT, note=note)
    add(people.alice, 1, (10, 10))
    add(people.bob, 0, (10, 10))
    return people
