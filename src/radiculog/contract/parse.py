"""Turn findings / log documents (parsed JSON) into engine types, collecting every error.

The allowed ids come from the knowledge vocabulary, which a test keeps equal to
the shared contract's schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from radiculog.contract.errors import FieldError, FindingsError
from radiculog.engine.findings import (
    FUNCTION_WORDS,
    SIDES,
    Answer,
    Findings,
    FunctionResult,
    Provocation,
    Reflex,
    Region,
    Sensory,
)
from radiculog.engine.knowledge import load_knowledge

FINDINGS_SCHEMAS = {"radiculog/findings@1": 1, "radiculog/findings@2": 2}
LOG_SCHEMA = "radiculog/log@1"
FUNCTION_TESTS = (
    "step_down", "sit_to_stand", "heel_walk", "toe_lift", "hip_abduction", "calf_raise", "toe_walk"
)  # fmt: skip
REFLEX_RESULTS = ("normal", "reduced", "absent", "brisk")
PROVOCATION_RESULTS = ("positive", "negative")
TOP_LEVEL = ("schema", "age", "days_since_onset", "answers", "pain", "sensory", "function",
             "reflexes", "provocation", "notes")  # fmt: skip


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    findings: Findings
    triggers: str | None = None
    easers: str | None = None


class _Errors(list[FieldError]):
    def add(self, path: str, value: Any, message: str, allowed: Any = None) -> None:
        self.append(FieldError(path, value, message, tuple(allowed) if allowed else None))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _keys(obj: Mapping[str, Any], path: str, allowed: tuple[str, ...], errs: _Errors) -> None:
    for key in obj:
        if key not in allowed:
            errs.add(f"{path}.{key}" if path else key, obj[key], "unknown field", allowed)


def _int(obj: Mapping[str, Any], key: str, lo: int, hi: int | None, errs: _Errors) -> int | None:
    if key not in obj:
        return None
    value = obj[key]
    if not _is_int(value) or value < lo or (hi is not None and value > hi):
        limit = f"a whole number from {lo} to {hi}" if hi is not None else f"a whole number >= {lo}"
        errs.add(key, value, f"must be {limit}")
        return None
    return int(value)


@cache
def _question_ids(version: int) -> tuple[str, ...]:
    return tuple(q.id for q in load_knowledge().questions.values() if q.since <= version)


@cache
def _question_set(version: int) -> frozenset[str]:
    return frozenset(_question_ids(version))


@cache
def _region_ids() -> tuple[str, ...]:
    return tuple(load_knowledge().regions)


def _answers(raw: Any, version: int, errs: _Errors) -> dict[str, Answer]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        errs.add("answers", raw, "must be an object of question id -> true/false")
        return {}
    known = _question_ids(version)
    allowed = _question_set(version)
    answers = {}
    for key, value in raw.items():
        if key not in allowed:
            errs.add(f"answers.{key}", value, "unknown question id", known)
        elif value is None:
            continue  # null is read as absent: unanswered, never no
        elif not isinstance(value, bool):
            errs.add(f"answers.{key}", value, "must be true or false (leave it out if unanswered)")
        else:
            answers[key] = Answer.YES if value else Answer.NO
    return answers


def _list(raw: Any, path: str, errs: _Errors) -> list[tuple[str, Mapping[str, Any]]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errs.add(path, raw, "must be a list")
        return []
    items = []
    for i, item in enumerate(raw):
        if isinstance(item, Mapping):
            items.append((f"{path}[{i}]", item))
        else:
            errs.add(f"{path}[{i}]", item, "must be an object")
    return items


def _enum(item: Mapping[str, Any], path: str, key: str, allowed: Any, errs: _Errors) -> Any:
    if key not in item:
        errs.add(f"{path}.{key}", None, "is required", allowed)
        return None
    if item[key] not in allowed:
        errs.add(f"{path}.{key}", item[key], f"unknown {key}", allowed)
        return None
    return item[key]


def _side(item: Mapping[str, Any], path: str, region: str | None, errs: _Errors) -> str | None:
    if region == "saddle":
        if "side" in item:
            errs.add(f"{path}.side", item["side"], "the saddle region has no side; leave it out")
        return None
    return _enum(item, path, "side", SIDES, errs)  # type: ignore[no-any-return]


def _region(path: str, item: Mapping[str, Any], sensory: bool, errs: _Errors) -> Any:
    keys = ("region", "side", "kind", "repeatable") if sensory else ("region", "side")
    _keys(item, path, keys, errs)
    region = _enum(item, path, "region", _region_ids(), errs)
    side = _side(item, path, region, errs)
    if not sensory:
        return Region(region, side) if region else None
    kind = _enum(item, path, "kind", ("numb", "tingling"), errs) if "kind" in item else None
    repeatable = item.get("repeatable")
    if repeatable is not None and not isinstance(repeatable, bool):
        errs.add(f"{path}.repeatable", repeatable, "must be true or false")
        repeatable = None
    return Sensory(region, side, kind, repeatable) if region else None


def _function_value(value: Any, path: str, errs: _Errors) -> Any:
    if value is None or (_is_int(value) and 0 <= value <= 200) or value in FUNCTION_WORDS:
        return value
    errs.add(path, value, "must be a whole number of reps from 0 to 200 or a word", FUNCTION_WORDS)
    return None


def _function(path: str, item: Mapping[str, Any], errs: _Errors) -> FunctionResult | None:
    _keys(item, path, ("test", "left", "right"), errs)
    test = _enum(item, path, "test", FUNCTION_TESTS, errs)
    left = _function_value(item.get("left"), f"{path}.left", errs)
    right = _function_value(item.get("right"), f"{path}.right", errs)
    return FunctionResult(test, left, right) if test else None


def _clinical(path: str, item: Mapping[str, Any], key: str, ids: Any, results: Any,
              make: Callable[[Any, Any, Any], Any], errs: _Errors) -> Any:  # fmt: skip
    _keys(item, path, (key, "side", "result"), errs)
    what = _enum(item, path, key, ids, errs)
    side = _enum(item, path, "side", SIDES, errs)
    result = _enum(item, path, "result", results, errs)
    return make(what, side, result) if what and side and result else None


def _collect(raw: Any, path: str, errs: _Errors, make: Callable[..., Any]) -> tuple[Any, ...]:
    return tuple(x for p, item in _list(raw, path, errs) if (x := make(p, item)) is not None)


def _parse(doc: Any, errs: _Errors, prefix: str = "") -> Findings | None:
    if not isinstance(doc, Mapping):
        errs.add(prefix, doc, "a findings document must be a JSON object")
        return None
    _keys(doc, "", TOP_LEVEL, errs)
    version = FINDINGS_SCHEMAS.get(doc.get("schema"))  # type: ignore[arg-type]
    if version is None:
        errs.add("schema", doc.get("schema"), "unknown or missing schema", FINDINGS_SCHEMAS)
        version = 1
    k = load_knowledge()
    function = _collect(doc.get("function"), "function", errs, lambda p, i: _function(p, i, errs))
    tests = [f.test for f in function]
    for test in {t for t in tests if tests.count(t) > 1}:
        errs.add("function", test, "a test is listed more than once; give each test once")
    notes = doc.get("notes")
    if notes is not None and (not isinstance(notes, str) or len(notes) > 4000):
        errs.add("notes", notes, "must be text of at most 4000 characters")

    def region(sensory: bool) -> Callable[[str, Mapping[str, Any]], Any]:
        return lambda p, i: _region(p, i, sensory, errs)

    def clinical(key: str, ids: Any, results: Any, make: Any) -> Callable[..., Any]:
        return lambda p, i: _clinical(p, i, key, ids, results, make, errs)

    return Findings(
        answers=_answers(doc.get("answers"), version, errs),
        pain=_collect(doc.get("pain"), "pain", errs, region(False)),
        sensory=_collect(doc.get("sensory"), "sensory", errs, region(True)),
        function=function,
        reflexes=_collect(
            doc.get("reflexes"),
            "reflexes",
            errs,
            clinical("reflex", tuple(k.reflexes), REFLEX_RESULTS, Reflex),
        ),
        provocation=_collect(
            doc.get("provocation"),
            "provocation",
            errs,
            clinical("test", tuple(k.provocation), PROVOCATION_RESULTS, Provocation),
        ),
        age=_int(doc, "age", 0, 130, errs),
        days_since_onset=_int(doc, "days_since_onset", 0, None, errs),
        notes=notes if isinstance(notes, str) else None,
    )


def parse_findings(doc: Any) -> Findings:
    """Parse a findings document; raise FindingsError listing every problem."""
    errs = _Errors()
    findings = _parse(doc, errs)
    if errs or findings is None:
        raise FindingsError(list(errs))
    return findings


def _prefixed(errors: list[FieldError], prefix: str) -> list[FieldError]:
    return [FieldError(f"{prefix}.{e.path}" if e.path else prefix, e.value, e.message, e.allowed)
            for e in errors]  # fmt: skip


def _entry(path: str, item: Mapping[str, Any], errs: _Errors) -> LogEntry | None:
    _keys(item, path, ("at", "findings", "triggers", "easers"), errs)
    at = None
    try:
        at = datetime.fromisoformat(str(item.get("at")).replace("Z", "+00:00"))
    except ValueError:
        errs.add(f"{path}.at", item.get("at"), "must be a date-time like 2026-11-21T08:00:00Z")
    sub = _Errors()
    findings = _parse(item.get("findings"), sub)
    errs.extend(_prefixed(list(sub), f"{path}.findings"))
    texts = {}
    for key in ("triggers", "easers"):
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > 1000):
            errs.add(f"{path}.{key}", value, "must be text of at most 1000 characters")
            value = None
        texts[key] = value
    if at is None or findings is None or sub:
        return None
    return LogEntry(at, findings, texts["triggers"], texts["easers"])


def parse_log(doc: Any) -> tuple[LogEntry, ...]:
    """Parse a log document into entries, oldest first."""
    errs = _Errors()
    if not isinstance(doc, Mapping):
        raise FindingsError([FieldError("", doc, "a log document must be a JSON object")], "log")
    _keys(doc, "", ("schema", "entries"), errs)
    if doc.get("schema") != LOG_SCHEMA:
        errs.add("schema", doc.get("schema"), "unknown or missing schema", (LOG_SCHEMA,))
    items = _list(doc.get("entries"), "entries", errs)
    if "entries" not in doc or (not items and not errs):
        errs.add("entries", doc.get("entries"), "a log needs at least one entry")
    entries = [e for p, i in items if (e := _entry(p, i, errs)) is not None]
    if errs:
        raise FindingsError(list(errs), "log")
    aware = {e.at.tzinfo is not None for e in entries}
    if len(aware) > 1:
        message = "mix of times with and without a time zone; give every 'at' the same way"
        raise FindingsError([FieldError("entries", None, message)], "log")
    return tuple(sorted(entries, key=lambda e: e.at))
