"""Strict readers for RADICULOG_* environment variables.

Each raises ImproperlyConfigured with the variable name, the bad value and
what is allowed, so a typo in deployment fails loudly at start-up instead of
silently falling back to a default.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value == "true":
        return True
    if value == "false":
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not allowed; use true or false")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None


def env_str(name: str, default: str, allowed: tuple[str, ...] | None = None) -> str:
    value = os.environ.get(name) or default
    if allowed is not None and value not in allowed:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not allowed; use one of: {', '.join(allowed)}"
        )
    return value


def env_list(name: str, default: str) -> list[str]:
    raw = os.environ.get(name) or default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """NAME, or the contents of the file named by NAME_FILE (Docker/systemd secrets)."""
    value = os.environ.get(name)
    path = os.environ.get(f"{name}_FILE")
    if value and path:
        raise ImproperlyConfigured(f"set {name} or {name}_FILE, not both")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={path!r} cannot be read: {exc}") from None
    return value or None
