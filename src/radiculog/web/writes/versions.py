"""Optimistic concurrency for a record edited in place (the prep list): the form
carries the version it was opened at, and a save from an older version is refused
rather than silently overwriting what another tab or device saved since."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

NEW = "new"  # the version of a record not saved yet
STALE_MESSAGE = _(
    "This was changed in another tab or on another device after you opened it, so "
    "your changes are not saved yet. The newer version is kept. Check what you typed "
    "below and save again to replace it."
)


def version_of(saved: datetime | None) -> str:
    """A record's version: the moment it was last saved, to the microsecond."""
    return saved.isoformat() if saved is not None else NEW


def is_stale(current: datetime | None, sent: str) -> bool:
    return version_of(current) != sent
