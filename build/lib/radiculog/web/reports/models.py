"""The prep list and read-only share links with their access record."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone

from radiculog.web.symptomlog.models import Log

DEFAULT_SHARE_DAYS = 14


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_digest(token: str) -> str:
    """What is stored of a share token: its SHA-256, so the database (a backup, the admin)
    holds nothing that opens a report. 192 random bits need no salt or slow hash."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def unusable_digest() -> str:
    """For a link made without a token (admin, tests): a digest nobody holds the token of."""
    return token_digest(new_token())


class Prep(models.Model):
    """The person's own notes for the appointment (a PrepList as JSON)."""

    log = models.OneToOneField(Log, on_delete=models.CASCADE, related_name="prep")
    data = models.JSONField(default=dict)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"prep list of log {self.log_id}"


class ShareLink(models.Model):
    """A read-only link to the report. Only the token's digest is kept: the person sees
    the link once, when it is made."""

    log = models.ForeignKey(Log, on_delete=models.CASCADE, related_name="share_links")
    token_digest = models.CharField(
        max_length=64, unique=True, default=unusable_digest, editable=False
    )
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

    @classmethod
    def make(
        cls, log: Log, label: str, created: datetime, expires: datetime
    ) -> tuple[ShareLink, str]:
        """A new link and its token (which is not stored)."""
        token = new_token()
        link = cls.objects.create(
            log=log, token_digest=token_digest(token), label=label, created=created, expires=expires
        )
        return link, token

    @classmethod
    def for_token(cls, token: str) -> ShareLink | None:
        return cls.objects.select_related("log").filter(token_digest=token_digest(token)).first()

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
