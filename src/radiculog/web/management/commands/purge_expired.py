"""Delete what the site promises not to keep: expired sessions (an anonymous
self-check lives only there), stale sign-in records, failed-login counts past their
pause, expired cache rows and day-old write keys. Run it hourly
(deploy/systemd/radiculog-purge.timer).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from radiculog.web.accounts.models import SignedInSession
from radiculog.web.writes.models import WriteKey


def purge() -> dict[str, int]:
    now = timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        counts["sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
        live = Session.objects.values("session_key")
        counts["sign-in records"] = SignedInSession.objects.exclude(session_key__in=live).delete()[
            0
        ]
        counts["failed-login counts"] = AccessAttempt.objects.filter(
            attempt_time__lt=now - settings.AXES_COOLOFF_TIME
        ).delete()[0]
        # A key guards against a form sent twice within minutes; a day is plenty.
        counts["write keys"] = WriteKey.objects.filter(
            created__lt=now - timedelta(days=1)
        ).delete()[0]
        table = connection.ops.quote_name(str(settings.CACHES["default"]["LOCATION"]))
        with connection.cursor() as cursor:
            stamp = connection.ops.adapt_datetimefield_value(now)
            cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [stamp])
            counts["cache rows"] = max(cursor.rowcount, 0)
    return counts


class Command(BaseCommand):
    help = "Delete expired sessions, stale sign-in records, old failed-login counts."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = purge()
        self.stdout.write(", ".join(f"{n} {what}" for what, n in counts.items()) + " deleted")
