"""Limits on what a document from outside may hold, shared by every way in
(the JSON API, log import, the web forms, the command line).

Each limit exists because a value past it was once accepted and then broke a
person's log or a reader: a date that overflows when shown in their time zone,
a NUL that PostgreSQL refuses, a lone surrogate that cannot be written as UTF-8,
nesting that exhausts Python's stack, a number too long to print.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

# A person's own export must always come back in: 5,000 full entries (seven years twice
# daily) export as about 9 MB (tests/web/test_limits.py measures it).
MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 20  # a log is 6 levels deep (log, entries, entry, findings, pain, item)
MAX_NUMBER_CHARS = 40  # no field holds a number near this long
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)  # exclusive: up to the end of 2099
AT_FORMAT = "a date-time like 2026-11-21T08:00:00Z"


class UnreadableJSON(ValueError):
    """Text that is not a JSON document we read: its syntax, size, depth or numbers."""

    def __init__(self, detail: str, too_large: bool = False) -> None:
        super().__init__(detail)
        self.detail, self.too_large = detail, too_large


def _number(text: str) -> None:
    if len(text) > MAX_NUMBER_CHARS:
        raise UnreadableJSON(
            f"a number {len(text)} characters long; numbers here have at most {MAX_NUMBER_CHARS}"
        )


def _int(text: str) -> int:
    _number(text)
    return int(text)


def _float(text: str) -> float:
    _number(text)
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise UnreadableJSON(f"the number {text} is too large")
    return value


def _constant(name: str) -> Any:
    raise UnreadableJSON(f"{name} is not a JSON number")


def load_json(text: str | bytes, max_bytes: int = MAX_BYTES) -> Any:
    """Parse JSON text from outside; raise UnreadableJSON saying what is wrong."""
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise UnreadableJSON(f"{size} bytes; the limit is {max_bytes}", too_large=True)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnreadableJSON("the text is not UTF-8") from exc
    try:
        doc = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise UnreadableJSON(f"{exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    except RecursionError as exc:
        raise UnreadableJSON(f"nested more than {MAX_DEPTH} levels deep") from exc
    check_depth(doc)
    return doc


def check_depth(doc: Any) -> None:
    """Raise UnreadableJSON for a document nested deeper than MAX_DEPTH (no recursion)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if not isinstance(value, Mapping | list):
            continue
        if depth > MAX_DEPTH:
            raise UnreadableJSON(f"nested more than {MAX_DEPTH} levels deep")
        children = value.values() if isinstance(value, Mapping) else value
        stack.extend((child, depth + 1) for child in children)


def text_problem(value: str) -> str | None:
    """Why this text cannot be stored and shown, or None when it can."""
    if "\x00" in value:
        return "contains a NUL character (\\u0000); remove it"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (half of an emoji or symbol); remove it"
    return None


def read_at(value: Any) -> tuple[datetime | None, str | None]:
    """An entry's time from its text, or None and why not (format or range)."""
    if not isinstance(value, str):
        return None, f"must be {AT_FORMAT}"
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None, f"must be {AT_FORMAT}"
    try:
        in_range = EARLIEST <= (at if at.tzinfo else at.replace(tzinfo=UTC)) < LATEST
    except OverflowError:
        in_range = False
    if not in_range:
        return None, "must be a date from 1900 to 2099"
    return at, None


def without_nulls(findings: Mapping[str, Any]) -> dict[str, Any]:
    """A findings document with every null left out, as the contract reads it:
    a null section, answer or item field is the same as one not given."""
    clean: dict[str, Any] = {}
    for key, value in findings.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            value = {k: v for k, v in value.items() if v is not None}
        elif isinstance(value, list):
            value = [
                {k: v for k, v in item.items() if v is not None}
                if isinstance(item, Mapping)
                else item
                for item in value
            ]
        clean[key] = value
    return clean
