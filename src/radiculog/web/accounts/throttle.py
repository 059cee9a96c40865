"""Login throttling on Django's cache: a few failures per user name and per
address in a window, then refuse without checking the password.

Counting per name stops guessing one person's password; counting per address
stops one client spraying many names.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 15 * 60
MAX_PER_NAME = 5
MAX_PER_ADDRESS = 20


def _keys(request: HttpRequest, username: str) -> list[tuple[str, int]]:
    address = request.META.get("REMOTE_ADDR", "unknown")
    return [
        (f"login-fail:name:{username.strip().lower()}", MAX_PER_NAME),
        (f"login-fail:addr:{address}", MAX_PER_ADDRESS),
    ]


def is_blocked(request: HttpRequest, username: str) -> bool:
    return any(cache.get(key, 0) >= limit for key, limit in _keys(request, username))


def record_failure(request: HttpRequest, username: str) -> None:
    for key, _limit in _keys(request, username):
        if not cache.add(key, 1, WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, WINDOW_SECONDS)


def clear(request: HttpRequest, username: str) -> None:
    cache.delete(_keys(request, username)[0][0])
