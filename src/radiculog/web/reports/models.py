"""The prep list and read-only share links with their access record."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

from radiculog.web.symptomlog.models import Log

DEFAULT_SHARE_DAYS = 14


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Prep(models.Model):
    """The person's own notes for the appointment (a PrepList as JSON)."""

    log = models.OneToOneField(Log, on_delete=models.CASCADE, related_name="prep")
    data = models.JSONField(default=dict)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"prep list of log {self.log_id}"


class ShareLink(models.Model):
    log = models.ForeignKey(Log, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    label = models.CharField(max_length=100, blank=True)  # e.g. "physio, 3 Dec"
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"share link {self.pk} of log {self.log_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.expires is None:
            self.expires = self.created + timedelta(days=DEFAULT_SHARE_DAYS)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def is_active(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked is None and now < self.expires


class ShareOpening(models.Model):
    """One opening of a share link, shown to the owner."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="openings")
    at = models.DateTimeField(default=timezone.now)
    what = models.CharField(max_length=8, default="html")  # html | pdf
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"opening of link {self.link_id} at {self.at:%Y-%m-%d %H:%M}"
