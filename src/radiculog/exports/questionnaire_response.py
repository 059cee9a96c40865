"""A QuestionnaireResponse to the self-check Questionnaire, to and from a findings document.

A question not in the response stays unanswered (never read as "no"): only the
answers given are copied. The response is checked with the `fhir.resources`
models first, so a malformed resource gets a clear error naming what is wrong;
the findings document built from it then gets the engine's own checks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from radiculog.contract.errors import FieldError, FindingsError
from radiculog.engine.knowledge import load_knowledge
from radiculog.exports.fhir import CODE_SYSTEM
from radiculog.exports.questionnaire import URL

SCHEMA = "radiculog/findings@2"
ENTRIES = {
    "pain": ("region", "side"),
    "sensory": ("region", "side", "kind", "repeatable"),
    "reflexes": ("reflex", "side", "result"),
    "provocation": ("test", "side", "result"),
}
VALUE_KEYS = ("valueBoolean", "valueInteger", "valueString", "valueCoding")


def _bad(path: str, detail: str, value: Any = None) -> FindingsError:
    return FindingsError([FieldError(path, value, detail)], kind="QuestionnaireResponse")


def _value(item: Mapping[str, Any]) -> Any:
    answers = item.get("answer") or []
    if len(answers) != 1:
        raise _bad(str(item.get("linkId")), "needs exactly one answer")
    for key in VALUE_KEYS:
        if key in answers[0]:
            value = answers[0][key]
            return value["code"] if key == "valueCoding" else value
    raise _bad(str(item["linkId"]), f"answer needs one of {', '.join(VALUE_KEYS)}")


def _walk(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every item, groups opened, except the repeating entries (read whole)."""
    for item in items:
        if item["linkId"] in ENTRIES or "answer" in item:
            yield item
        else:
            yield from _walk(item.get("item", []))


def _entry(name: str, group: Mapping[str, Any]) -> dict[str, Any]:
    fields = {f"{name}.{f}": f for f in ENTRIES[name]}
    entry: dict[str, Any] = {}
    for item in group.get("item", []):
        if item["linkId"] not in fields:
            raise _bad(f"{name}.item", "unknown linkId", item["linkId"])
        entry[fields[item["linkId"]]] = _value(item)
    if entry.get("region") == "saddle":
        entry.pop("side", None)
    return entry


def _function(link_id: str, value: Any, function: dict[str, dict[str, Any]]) -> None:
    _, test, side, *word = link_id.split(".")
    result = function.setdefault(test, {"test": test})
    if word and side in result:  # a count was given too: the count wins
        return
    result[side] = value


def response_to_findings(resource: Mapping[str, Any]) -> dict[str, Any]:
    """The findings document a self-check QuestionnaireResponse stands for."""
    try:
        QuestionnaireResponse.model_validate(resource)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = ".".join(str(p) for p in first["loc"])
        raise _bad(path, first["msg"], first.get("input")) from None
    canonical = str(resource.get("questionnaire", "")).split("|")[0]
    if canonical != URL:
        raise _bad("questionnaire", f"must be {URL}", canonical)
    findings: dict[str, Any] = {"schema": SCHEMA, "answers": {}}
    questions = load_knowledge().questions
    function: dict[str, dict[str, Any]] = {}
    for item in _walk(list(resource.get("item", []))):
        link_id = item["linkId"]
        if link_id in ENTRIES:
            findings.setdefault(link_id, []).append(_entry(link_id, item))
        elif link_id in questions:
            findings["answers"][link_id] = _value(item)
        elif link_id in ("age", "days_since_onset", "notes"):
            findings[link_id] = _value(item)
        elif link_id.startswith("function."):
            _function(link_id, _value(item), function)
        else:
            raise _bad(f"item {link_id}", "unknown linkId", link_id)
    if function:
        findings["function"] = list(function.values())
    return findings


def _answer(value: Any, system: str | None = None) -> list[dict[str, Any]]:
    if isinstance(value, bool):
        return [{"valueBoolean": value}]
    if isinstance(value, int):
        return [{"valueInteger": value}]
    if system:
        return [{"valueCoding": {"system": system, "code": value}}]
    return [{"valueString": value}]


def _entries(name: str, entries: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for entry in entries:
        fields = [
            {"linkId": f"{name}.{f}", "answer": _answer(entry[f], f"{CODE_SYSTEM}/{f}")}
            for f in ENTRIES[name]
            if f in entry
        ]
        yield {"linkId": name, "item": fields}


def findings_to_response(findings: Mapping[str, Any]) -> dict[str, Any]:
    """A QuestionnaireResponse carrying exactly the answers of a findings document
    (flat: a renderer nests items in their page groups, which reading ignores)."""
    items: list[dict[str, Any]] = []
    for key in ("age", "days_since_onset"):
        if key in findings:
            items.append({"linkId": key, "answer": _answer(findings[key])})
    for qid, value in findings.get("answers", {}).items():
        items.append({"linkId": qid, "answer": _answer(value)})
    for name in ENTRIES:
        items += _entries(name, list(findings.get(name, [])))
    for result in findings.get("function", []):
        for side in ("left", "right"):
            if side in result:
                value = result[side]
                word = "" if isinstance(value, int) else ".word"
                link_id = f"function.{result['test']}.{side}{word}"
                items.append(
                    {"linkId": link_id, "answer": _answer(value, f"{CODE_SYSTEM}/function")}
                )
    if "notes" in findings:
        items.append({"linkId": "notes", "answer": _answer(findings["notes"])})
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": URL,
        "status": "completed",
        "item": items,
    }
    QuestionnaireResponse.model_validate(resource)
    return resource
