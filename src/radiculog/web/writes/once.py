"""Doing a write once however often it is sent.

A form carries a fresh key (the `{% write_key %}` tag) and an API client may send an
`Idempotency-Key` header. The key is stored in the same transaction as the write, under
a unique constraint, so of several requests with one key exactly one writes: the others
wait for it (PostgreSQL's unique index, SQLite's single writer) and then find the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from radiculog.web.writes.models import WriteKey

FIELD = "write_key"
HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
T = TypeVar("T")


class BadKey(ValueError):
    """An Idempotency-Key header that is not 8-64 letters, digits, '-' or '_'."""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    first: bool  # False: a repeat, nothing was written
    value: T | None  # what the write returned (first time only)
    result: Any = None  # on a repeat: what was remembered of the first answer


def form_key(request: HttpRequest) -> str | None:
    """The form's key, or None (a form from before keys, or a hand-made request)."""
    key = request.POST.get(FIELD, "")
    return key if KEY_PATTERN.fullmatch(key) else None


def header_key(request: HttpRequest) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not KEY_PATTERN.fullmatch(key):
        raise BadKey(f"{HEADER} must be 8 to 64 letters, digits, '-' or '_'")
    return key


def once(
    owner: Any,
    key: str | None,
    write: Callable[[], T],
    remember: Callable[[T], Any] | None = None,
) -> Outcome[T]:
    """Run `write` unless `owner` already sent `key`; `remember` gives what a repeat
    should be told (stored as JSON)."""
    if key is None:
        return Outcome(True, write())
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = WriteKey.objects.create(owner=owner, key=key)
        except IntegrityError:
            earlier = WriteKey.objects.filter(owner=owner, key=key).first()
            return Outcome(False, None, earlier.result if earlier else None)
        value = write()
        if remember is not None:
            record.result = remember(value)
            record.save(update_fields=["result"])
        return Outcome(True, value)
