"""Turn findings / log documents (parsed JSON) into engine types, collecting every error.

The allowed ids come from the knowledge vocabulary, which a test keeps equal to
the shared contract's schema. A year of twice-daily entries is parsed on every
trend request, so the common case (a valid item) takes few calls: sets of allowed
keys and values are built once, and error paths are formatted only on error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple, TypeGuard

from radiculog.contract.errors import FieldError, FindingsError
from radiculog.contract.limits import read_at, text_problem
from radiculog.engine.findings import (
    FUNCTION_WORDS,
    NO,
    SIDES,
    YES,
    Answer,
    Findings,
    FunctionResult,
    Provocation,
    Reflex,
    Region,
    Sensory,
    answer_sets_known,
)
from radiculog.engine.knowledge import load_knowledge

FINDINGS_SCHEMAS = {"radiculog/findings@1": 1, "radiculog/findings@2": 2}
LOG_SCHEMA = "radiculog/log@1"
# log@2 = log@1 plus `clinician_seen`: when a clinician saw the person about their
# warning signs (so signs reported before it stop holding the log's tier).
LOG_SCHEMAS = (LOG_SCHEMA, "radiculog/log@2")
SEEN_KEYS = ("at", "note", "signs")
SIGN_ID = re.compile(r"[a-z][a-z0-9_]{0,79}")
MAX_SIGNS = 100
FUNCTION_TESTS = (
    "step_down", "sit_to_stand", "heel_walk", "toe_lift", "hip_abduction", "calf_raise", "toe_walk"
)  # fmt: skip
REFLEX_RESULTS = ("normal", "reduced", "absent", "brisk")
PROVOCATION_RESULTS = ("positive", "negative")
SENSORY_KINDS = ("numb", "tingling")
TOP_LEVEL = ("schema", "age", "days_since_onset", "answers", "pain", "sensory", "function",
             "reflexes", "provocation", "notes")  # fmt: skip
ENTRY_KEYS = ("at", "findings", "triggers", "easers")
PAIN_KEYS = ("region", "side")
SENSORY_KEYS = ("region", "side", "kind", "repeatable")
FUNCTION_KEYS = ("test", "left", "right")
_SENSORY_KEYSET = frozenset(SENSORY_KEYS)
_FUNCTION_KEYSET = frozenset(FUNCTION_KEYS)
_MISSING = object()


@dataclass(frozen=True)
class LogEntry:
    at: datetime
    findings: Findings
    triggers: str | None = None
    easers: str | None = None


@dataclass(frozen=True)
class ParsedLog:
    entries: tuple[LogEntry, ...]  # oldest first
    clinician_seen: tuple[datetime, ...] = ()  # log@2: when a clinician saw the person
    # log@2 `signs` of each record, in the same order: the sign ids the clinician saw
    # (None: not given, every sign shown at that moment).
    seen_signs: tuple[frozenset[str] | None, ...] = ()


class _Errors(list[FieldError]):
    def add(self, path: str, value: Any, message: str, allowed: Any = None) -> None:
        self.append(FieldError(path, value, message, tuple(allowed) if allowed else None))


class _Vocabulary(NamedTuple):
    """The allowed ids, as tuples (listed in errors) and frozensets (checked)."""

    questions: dict[int, tuple[tuple[str, ...], frozenset[str]]]
    regions: tuple[str, ...]
    leg_regions: frozenset[str]  # every region but the saddle (which has no side)
    reflexes: tuple[str, ...]
    provocation: tuple[str, ...]


@cache
def _vocabulary() -> _Vocabulary:
    k = load_knowledge()
    questions = {}
    for version in FINDINGS_SCHEMAS.values():
        ids = tuple(q.id for q in k.questions.values() if q.since <= version)
        questions[version] = (ids, frozenset(ids))
    regions = tuple(k.regions)
    leg_regions = frozenset(regions) - {"saddle"}
    return _Vocabulary(questions, regions, leg_regions, tuple(k.reflexes), tuple(k.provocation))


def _is_map(value: Any) -> TypeGuard[Mapping[str, Any]]:
    return type(value) is dict or isinstance(value, Mapping)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _keys(obj: Mapping[str, Any], path: str, allowed: tuple[str, ...], errs: _Errors) -> None:
    for key in obj:
        if key not in allowed:
            errs.add(f"{path}.{key}" if path else key, obj[key], "unknown field", allowed)


def _int(obj: Mapping[str, Any], key: str, lo: int, hi: int | None, errs: _Errors) -> int | None:
    value = obj.get(key, _MISSING)
    if value is _MISSING:
        return None
    if not _is_int(value) or value < lo or (hi is not None and value > hi):
        limit = f"a whole number from {lo} to {hi}" if hi is not None else f"a whole number >= {lo}"
        errs.add(key, value, f"must be {limit}")
        return None
    return int(value)


def _answers(
    raw: Any, version: int, errs: _Errors
) -> tuple[dict[str, Answer], list[str], list[str]]:
    """The answers, and the questions answered yes and no (sorted as they are read, so
    the engine need not go through the answers again)."""
    if raw is None:
        return {}, [], []
    if not _is_map(raw):
        errs.add("answers", raw, "must be an object of question id -> true/false")
        return {}, [], []
    known, allowed = _vocabulary().questions[version]
    answers = {}
    yes, no = [], []
    for key, value in raw.items():
        if value is True and key in allowed:
            answers[key] = YES
            yes.append(key)
        elif value is False and key in allowed:
            answers[key] = NO
            no.append(key)
        elif key not in allowed:
            errs.add(f"answers.{key}", value, "unknown question id", known)
        elif value is not None:  # null is read as absent: unanswered, never no
            errs.add(f"answers.{key}", value, "must be true or false (leave it out if unanswered)")
    return answers, yes, no


def _section(
    raw: Any,
    name: str,
    errs: _Errors,
    usual: Callable[[Mapping[str, Any]], Any],
    checked: Callable[[str, Mapping[str, Any], _Errors], Any],
) -> list[Any]:
    """Parse a list of objects: each by ``usual`` when it has the usual valid shape, else by
    ``checked``, which names every problem with its path (e.g. ``pain[2].side``)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        errs.add(name, raw, "must be a list")
        return []
    parsed = []
    for i, item in enumerate(raw):
        if not _is_map(item):
            errs.add(f"{name}[{i}]", item, "must be an object")
            continue
        value = usual(item)
        if value is None:
            value = checked(f"{name}[{i}]", item, errs)
        if value is not None:
            parsed.append(value)
    return parsed


def _enum(item: Mapping[str, Any], path: str, key: str, allowed: Any, errs: _Errors) -> Any:
    """The value of ``key`` when it is one of ``allowed`` (a tuple of strings), else None."""
    value = item.get(key, _MISSING)
    if type(value) is str and value in allowed:
        return value
    if value is _MISSING:
        errs.add(f"{path}.{key}", None, "is required", allowed)
    else:
        errs.add(f"{path}.{key}", value, f"unknown {key}", allowed)
    return None


def _usual_pain(item: Mapping[str, Any]) -> Region | None:
    """{"region": <a leg region>, "side": "left"|"right"}, else None."""
    region, side = item.get("region"), item.get("side")
    if (
        len(item) == 2
        and type(region) is str
        and region in _vocabulary().leg_regions
        and (side == "left" or side == "right")
    ):
        return Region(region, side)
    return None


def _usual_sensory(item: Mapping[str, Any]) -> Sensory | None:
    """A leg region and side, with or without a kind and repeatable (true/false/null)."""
    region, side = item.get("region"), item.get("side")
    kind, repeatable = item.get("kind"), item.get("repeatable")
    if (
        type(region) is str
        and region in _vocabulary().leg_regions
        and (side == "left" or side == "right")
        and (kind is None or kind == "numb" or kind == "tingling")
        and (repeatable is None or repeatable is True or repeatable is False)
        and _SENSORY_KEYSET.issuperset(item)
    ):
        return Sensory(region, side, kind, repeatable)
    return None


def _usual_function(item: Mapping[str, Any]) -> FunctionResult | None:
    """A known test with reps (0-200), a word or nothing on each side."""
    test, left, right = item.get("test"), item.get("left"), item.get("right")
    if (
        type(test) is str
        and test in FUNCTION_TESTS
        and _valid_function_value(left)
        and _valid_function_value(right)
        and _FUNCTION_KEYSET.issuperset(item)
    ):
        return FunctionResult(test, left, right)
    return None


def _none(item: Mapping[str, Any]) -> None:
    """For the rarer sections (reflexes, provocation tests): always check in full."""
    return None


def _checked_pain(path: str, item: Mapping[str, Any], errs: _Errors) -> Region | None:
    return _region(path, item, False, errs)  # type: ignore[no-any-return]


def _checked_sensory(path: str, item: Mapping[str, Any], errs: _Errors) -> Sensory | None:
    return _region(path, item, True, errs)  # type: ignore[no-any-return]


def _region(path: str, item: Mapping[str, Any], sensory: bool, errs: _Errors) -> Any:
    _keys(item, path, SENSORY_KEYS if sensory else PAIN_KEYS, errs)
    region = _enum(item, path, "region", _vocabulary().regions, errs)
    side = None
    if region == "saddle":
        if "side" in item:
            errs.add(f"{path}.side", item["side"], "the saddle region has no side; leave it out")
    else:
        side = _enum(item, path, "side", SIDES, errs)
    if not sensory:
        return Region(region, side) if region else None
    kind = _enum(item, path, "kind", SENSORY_KINDS, errs) if item.get("kind") is not None else None
    repeatable = item.get("repeatable")
    if repeatable is not None and type(repeatable) is not bool:
        errs.add(f"{path}.repeatable", repeatable, "must be true or false")
        repeatable = None
    return Sensory(region, side, kind, repeatable) if region else None


def _valid_function_value(value: Any) -> bool:
    if value is None:
        return True
    if type(value) is int:
        return 0 <= value <= 200
    return type(value) is str and value in FUNCTION_WORDS


def _function_value(value: Any, path: str, errs: _Errors) -> Any:
    if _valid_function_value(value):
        return value
    errs.add(path, value, "must be a whole number of reps from 0 to 200 or a word", FUNCTION_WORDS)
    return None


def _function(path: str, item: Mapping[str, Any], errs: _Errors) -> FunctionResult | None:
    _keys(item, path, FUNCTION_KEYS, errs)
    test = _enum(item, path, "test", FUNCTION_TESTS, errs)
    left = _function_value(item.get("left"), f"{path}.left", errs)
    right = _function_value(item.get("right"), f"{path}.right", errs)
    return FunctionResult(test, left, right) if test else None


def _clinical(path: str, item: Mapping[str, Any], key: str, ids: tuple[str, ...],
              results: tuple[str, ...], errs: _Errors) -> tuple[Any, Any, Any] | None:  # fmt: skip
    _keys(item, path, (key, "side", "result"), errs)
    what = _enum(item, path, key, ids, errs)
    side = _enum(item, path, "side", SIDES, errs)
    result = _enum(item, path, "result", results, errs)
    return (what, side, result) if what and side and result else None


def _parse(doc: Any, errs: _Errors, answer_sets: bool = True) -> Findings | None:
    """The findings of ``doc``; with ``answer_sets``, carrying the yes and no sets sorted
    while reading (a document about to be assessed; a log's entries are not all assessed,
    and the engine computes the sets of those that are when it needs them)."""
    if not _is_map(doc):
        errs.add("", doc, "a findings document must be a JSON object")
        return None
    _keys(doc, "", TOP_LEVEL, errs)
    schema = doc.get("schema")
    version = FINDINGS_SCHEMAS.get(schema) if isinstance(schema, str) else None
    if version is None:
        errs.add("schema", doc.get("schema"), "unknown or missing schema", FINDINGS_SCHEMAS)
        version = 1
    vocabulary = _vocabulary()
    answers, yes, no = _answers(doc.get("answers"), version, errs)
    pain = _section(doc.get("pain"), "pain", errs, _usual_pain, _checked_pain)
    sensory = _section(doc.get("sensory"), "sensory", errs, _usual_sensory, _checked_sensory)
    function = _section(doc.get("function"), "function", errs, _usual_function, _function)
    tests = [f.test for f in function]
    if len(set(tests)) < len(tests):
        for test in {t for t in tests if tests.count(t) > 1}:
            errs.add("function", test, "a test is listed more than once; give each test once")

    def reflex(path: str, item: Mapping[str, Any], errs: _Errors) -> Reflex | None:
        found = _clinical(path, item, "reflex", vocabulary.reflexes, REFLEX_RESULTS, errs)
        return Reflex(*found) if found else None

    def provocation_test(path: str, item: Mapping[str, Any], errs: _Errors) -> Provocation | None:
        found = _clinical(path, item, "test", vocabulary.provocation, PROVOCATION_RESULTS, errs)
        return Provocation(*found) if found else None

    reflexes = _section(doc.get("reflexes"), "reflexes", errs, _none, reflex)
    provocation = _section(doc.get("provocation"), "provocation", errs, _none, provocation_test)
    notes = doc.get("notes")
    if notes is not None and (not isinstance(notes, str) or len(notes) > 4000):
        errs.add("notes", notes, "must be text of at most 4000 characters")
    elif notes is not None and (problem := text_problem(notes)):
        errs.add("notes", notes, problem)
        notes = None
    findings = Findings(
        answers=answers,
        pain=tuple(pain),
        sensory=tuple(sensory),
        function=tuple(function),
        reflexes=tuple(reflexes),
        provocation=tuple(provocation),
        age=_int(doc, "age", 0, 130, errs),
        days_since_onset=_int(doc, "days_since_onset", 0, None, errs),
        notes=notes if isinstance(notes, str) else None,
    )
    return answer_sets_known(findings, frozenset(yes), frozenset(no)) if answer_sets else findings


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


def _text(item: Mapping[str, Any], path: str, key: str, errs: _Errors) -> str | None:
    value = item.get(key)
    if value is not None and (not isinstance(value, str) or len(value) > 1000):
        errs.add(f"{path}.{key}", value, "must be text of at most 1000 characters")
        return None
    if value is not None and (problem := text_problem(value)):
        errs.add(f"{path}.{key}", value, problem)
        return None
    return value


def _at(item: Mapping[str, Any], path: str, errs: _Errors) -> datetime | None:
    at, problem = read_at(item.get("at"))
    if problem:
        errs.add(f"{path}.at", item.get("at"), problem)
    return at


def _seen(
    path: str, item: Mapping[str, Any], errs: _Errors
) -> tuple[datetime, frozenset[str] | None] | None:
    _keys(item, path, SEEN_KEYS, errs)
    at = _at(item, path, errs)
    _text(item, path, "note", errs)
    signs = item.get("signs")
    if signs is not None and not (
        isinstance(signs, list)
        and len(signs) <= MAX_SIGNS
        and all(isinstance(s, str) and SIGN_ID.fullmatch(s) for s in signs)
    ):
        message = f"must be a list of up to {MAX_SIGNS} sign ids (such as bladder_change)"
        errs.add(f"{path}.signs", signs, message)
        return None
    if at is None:
        return None
    return at, (None if signs is None else frozenset(signs))


def _entry(path: str, item: Mapping[str, Any], errs: _Errors) -> LogEntry | None:
    _keys(item, path, ENTRY_KEYS, errs)
    at = _at(item, path, errs)
    sub = _Errors()
    findings = _parse(item.get("findings"), sub, answer_sets=False)
    if sub:
        errs.extend(_prefixed(sub, f"{path}.findings"))
    triggers = _text(item, path, "triggers", errs)
    easers = _text(item, path, "easers", errs)
    if at is None or findings is None or sub:
        return None
    return LogEntry(at, findings, triggers, easers)


def parse_log(doc: Any) -> tuple[LogEntry, ...]:
    """Parse a log document (log@1 or log@2) into entries, oldest first."""
    return parse_log_document(doc).entries


def parse_log_document(doc: Any) -> ParsedLog:
    """Parse a log document: its entries, oldest first, and (log@2) when a clinician
    saw the person."""
    errs = _Errors()
    if not _is_map(doc):
        raise FindingsError([FieldError("", doc, "a log document must be a JSON object")], "log")
    _keys(doc, "", ("schema", "entries", "clinician_seen"), errs)
    if doc.get("schema") not in LOG_SCHEMAS:
        errs.add("schema", doc.get("schema"), "unknown or missing schema", LOG_SCHEMAS)
    raw = doc.get("entries")
    if raw is None or raw == []:
        errs.add("entries", raw, "a log needs at least one entry")
    entries: list[LogEntry] = _section(raw, "entries", errs, _none, _entry)
    seen: list[tuple[datetime, frozenset[str] | None]] = []
    if "clinician_seen" in doc:
        if doc.get("schema") != "radiculog/log@2":
            errs.add("clinician_seen", doc["clinician_seen"], "needs schema radiculog/log@2")
        else:
            seen = _section(doc["clinician_seen"], "clinician_seen", errs, _none, _seen)
    if errs:
        raise FindingsError(list(errs), "log")
    aware = {at.tzinfo is not None for at in [*(e.at for e in entries), *(s[0] for s in seen)]}
    if len(aware) > 1:
        message = "mix of times with and without a time zone; give every 'at' the same way"
        raise FindingsError([FieldError("entries", None, message)], "log")
    seen.sort(key=lambda s: s[0])
    return ParsedLog(
        tuple(sorted(entries, key=lambda e: e.at)),
        tuple(at for at, _ in seen),
        tuple(signs for _, signs in seen),
    )


def refuse_future(parsed: ParsedLog, now: datetime) -> None:
    """Raise FindingsError naming each entry or clinician-seen record dated after ``now``
    (contract/future.py)."""
    from radiculog.contract.future import future_problem

    errs = _Errors()
    for n, entry in enumerate(parsed.entries):
        if problem := future_problem(entry.at, now):
            errs.add(f"entries[{n}].at", entry.at.isoformat(), problem)
    for n, at in enumerate(parsed.clinician_seen):
        if problem := future_problem(at, now):
            errs.add(f"clinician_seen[{n}].at", at.isoformat(), problem)
    if errs:
        raise FindingsError(list(errs), "log")
