"""Reading a log@1 or log@2 JSON document back in, with errors that name the field.

The log's own shape is checked here; each entry's findings are checked by the
engine (`radiculog.assess`), whose FindingsError names the bad id and the
allowed ones.  Entries come back oldest first. A log@2 document may also carry
`clinician_seen` records (when a clinician saw the person about their warning
signs); they come back too, so an exported log imports with the same tier.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from radiculog.contract.future import future_problem
from radiculog.contract.limits import (
    UnreadableJSON,
    load_json,
    read_at,
    text_problem,
    without_nulls,
)

SCHEMA = "radiculog/log@1"
SCHEMA_2 = "radiculog/log@2"  # log@1 plus clinician_seen
ENTRY_KEYS = {"at", "findings", "triggers", "easers"}
SEEN_KEYS = {"at", "note", "signs"}
MAX_ENTRIES = 5000
MAX_SEEN = 1000
MAX_SIGNS = 100
SIGN_ID = re.compile(r"[a-z][a-z0-9_]{0,79}")  # as contract/parse.py reads log@2 `signs`


class LogImportError(ValueError):
    def __init__(self, path: str, value: object, message: str) -> None:
        try:
            shown = reprlib.repr(value)
        except ValueError:  # an integer too long to print
            shown = "a very long number"
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{path}: {message} (got {shown})")
        self.path, self.value, self.message = path, value, message


@dataclass(frozen=True)
class ImportedEntry:
    at: datetime
    findings: dict[str, Any]
    triggers: str
    easers: str


@dataclass(frozen=True)
class ImportedSeen:
    at: datetime
    note: str
    signs: list[str] | None = None  # the sign ids the clinician saw; None: every one shown


@dataclass(frozen=True)
class ImportedLog:
    entries: list[ImportedEntry]  # oldest first
    seen: list[ImportedSeen]  # log@2 clinician_seen, oldest first; empty for log@1


FindingsCheck = Callable[[Mapping[str, Any]], object]


def read_log(raw: str | bytes, check_findings: FindingsCheck | None = None) -> list[ImportedEntry]:
    """The entries of a log@1 or log@2 document, oldest first."""
    return read_log_document(raw, check_findings).entries


def read_log_document(
    raw: str | bytes, check_findings: FindingsCheck | None = None, now: datetime | None = None
) -> ImportedLog:
    """The document's entries and clinician-seen records, oldest first; with ``now``,
    one dated after it is refused (contract/future.py)."""
    try:
        doc = load_json(raw)
    except UnreadableJSON as exc:
        raise LogImportError("(file)", exc.detail[:80], "is not valid JSON") from exc
    if not isinstance(doc, dict):
        raise LogImportError("(file)", type(doc).__name__, "must be a JSON object")
    if doc.get("schema") not in (SCHEMA, SCHEMA_2):
        raise LogImportError("schema", doc.get("schema"), f"must be {SCHEMA!r} or {SCHEMA_2!r}")
    allowed = (
        ("schema", "entries", "clinician_seen")
        if doc["schema"] == SCHEMA_2
        else ("schema", "entries")
    )
    extra = set(doc) - set(allowed)
    if extra:
        raise LogImportError(
            sorted(extra)[0],
            "...",
            f"is not a field of a {doc['schema']}; allowed: {', '.join(allowed)}",
        )
    items = doc.get("entries")
    if not isinstance(items, list) or len(items) > MAX_ENTRIES:
        raise LogImportError(
            "entries", type(items).__name__, f"must be a list of up to {MAX_ENTRIES}"
        )
    entries = [_entry(f"entries[{n}]", item, check_findings, now) for n, item in enumerate(items)]
    seen = _seen_list(doc.get("clinician_seen", []), now)
    return ImportedLog(sorted(entries, key=lambda e: e.at), sorted(seen, key=lambda s: s.at))


def _seen_list(items: object, now: datetime | None) -> list[ImportedSeen]:
    if not isinstance(items, list) or len(items) > MAX_SEEN:
        raise LogImportError(
            "clinician_seen", type(items).__name__, f"must be a list of up to {MAX_SEEN}"
        )
    out = []
    for n, item in enumerate(items):
        path = f"clinician_seen[{n}]"
        if not isinstance(item, dict):
            raise LogImportError(path, item, "must be an object")
        extra = set(item) - SEEN_KEYS
        if extra:
            raise LogImportError(f"{path}.{sorted(extra)[0]}", "...", "allowed: at, note, signs")
        note = _text(f"{path}.note", item.get("note", ""))
        at = _datetime(f"{path}.at", item.get("at"), now)
        out.append(ImportedSeen(at, note, _signs(f"{path}.signs", item.get("signs"))))
    return out


def _signs(path: str, value: object) -> list[str] | None:
    if value is None:
        return None
    if not (
        isinstance(value, list)
        and len(value) <= MAX_SIGNS
        and all(isinstance(s, str) and SIGN_ID.fullmatch(s) for s in value)
    ):
        raise LogImportError(path, value, f"must be a list of up to {MAX_SIGNS} sign ids")
    return list(value)


def read_entry(
    item: object, check: FindingsCheck | None = None, now: datetime | None = None
) -> ImportedEntry:
    """One log@1 entry object (as the API receives it); errors name the field."""
    return _entry("entry", item, check, now)


def _entry(
    path: str, item: object, check: FindingsCheck | None, now: datetime | None = None
) -> ImportedEntry:
    if not isinstance(item, dict):
        raise LogImportError(path, item, "must be an object")
    extra = set(item) - ENTRY_KEYS
    if extra:
        raise LogImportError(
            f"{path}.{sorted(extra)[0]}", "...", f"allowed: {', '.join(sorted(ENTRY_KEYS))}"
        )
    at = _datetime(f"{path}.at", item.get("at"), now)
    findings = item.get("findings")
    if not isinstance(findings, dict):
        raise LogImportError(f"{path}.findings", findings, "must be a findings@1 object")
    if check is not None:
        _check(f"{path}.findings", findings, check)
    # null reads as left out, as the contract says; kept out of the stored entry
    texts = [_text(f"{path}.{key}", item.get(key) or "") for key in ("triggers", "easers")]
    return ImportedEntry(at, without_nulls(findings), texts[0], texts[1])


def _datetime(path: str, value: object, now: datetime | None = None) -> datetime:
    parsed, problem = read_at(value)
    if parsed is None:
        raise LogImportError(path, value, problem or "must be a date-time")
    if parsed.tzinfo is None:
        raise LogImportError(path, value, "needs a time zone (Z or +hh:mm)")
    if now is not None and (late := future_problem(parsed, now)):
        raise LogImportError(path, value, late)
    return parsed


def _text(path: str, value: object) -> str:
    if not isinstance(value, str) or len(value) > 1000:
        raise LogImportError(path, value, "must be text of at most 1000 characters")
    problem = text_problem(value)
    if problem:
        raise LogImportError(path, value, problem)
    return value


def _check(path: str, findings: Mapping[str, Any], check: FindingsCheck) -> None:
    try:
        check(findings)
    except ValueError as exc:  # FindingsError is a ValueError with field paths
        errors = getattr(exc, "errors", None)
        if errors:
            first = errors[0]
            raise LogImportError(f"{path}.{first.path}", first.value, first.message) from exc
        raise LogImportError(path, "...", str(exc)) from exc


def entries_to_log(entries: list[Mapping[str, Any]]) -> dict[str, Any]:
    """A log@1 document from entry dicts (at as datetime or text), oldest first."""
    out = []
    for entry in sorted(entries, key=lambda e: _when(e["at"])):
        item: dict[str, Any] = {"at": _iso(entry["at"]), "findings": entry["findings"]}
        for key in ("triggers", "easers"):
            if entry.get(key):
                item[key] = entry[key]
        out.append(item)
    return {"schema": SCHEMA, "entries": out}


def _when(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)
