"""A write already done: its key, per person, so a repeat of it does nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class WriteKey(models.Model):
    """One idempotency key a person's form or API client sent with a write. The unique
    pair (owner, key) is what makes a repeat (a double click, a retried request, a
    second tab with the same form) a no-op, on SQLite and PostgreSQL alike."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    result = models.JSONField(null=True, blank=True)  # what the API answered the first time

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="writes_one_key_per_owner")
        ]

    def __str__(self) -> str:
        return f"write key of user {self.owner_id}"
