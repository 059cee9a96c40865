"""Run inside `manage.py shell -c` by the backup tests: put a log in the database,
and print the database's logs as JSON to compare after a restore."""

from __future__ import annotations

import json

from django.contrib.auth.models import User

from radiculog.web.symptomlog.models import Log
from tests.web.log_personas import PASSWORD, add


def make_log() -> None:
    user = User.objects.create_user("backup-alice", password=PASSWORD, email="a@example.org")
    Log.objects.create(owner=user, timezone="Europe/London")
    for n, toe in enumerate([(10, 10), (9, 10), (7, 10)]):
        add(user, n, toe, triggers=f"sitting, day {n}")


def print_logs() -> None:
    logs = [
        {
            "owner": log.owner.username,
            "email": log.owner.email,
            "password_ok": log.owner.check_password(PASSWORD),
            "timezone": log.timezone,
            "entries": [
                (e.at.isoformat(), e.tier, e.to_item()) for e in log.entries.order_by("at")
            ],
        }
        for log in Log.objects.order_by("owner__username")
    ]
    print(json.dumps(logs, sort_keys=True, default=str))  # noqa: T201
