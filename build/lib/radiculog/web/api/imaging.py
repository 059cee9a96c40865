"""POST /api/v1/imaging: a scan report's text in, radiculog/imaging@1 out.

Body: {"text": str, "findings": optional findings@1 document, "age": optional int}.
With findings, the answer also has "concordance": how the report fits the
symptom picture. Bad bodies get a 400 naming the field, the value and what is
allowed, in the same shape as the engine's findings errors.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

import radiculog
from radiculog import imaging
from radiculog.web.api.openapi import (
    INVALID_DOCUMENT,
    INVALID_JSON,
    documented,
    error,
    schema_object,
)

router = Router(tags=["imaging"])
FIELDS = ("text", "findings", "age")
MAX_TEXT = 50_000  # characters; a long report is about 5,000

Result = Status[dict[str, Any]]


def _error(path: str, value: Any, message: str, allowed: list[str] | None = None) -> Result:
    shown = value if isinstance(value, str | int | float | bool) or value is None else str(value)
    error = {"path": path, "value": shown, "message": message, "allowed": allowed}
    return Status(400, {"error": "invalid imaging request", "errors": [error]})


def _check(body: dict[str, Any]) -> Result | None:
    for key in body:
        if key not in FIELDS:
            return _error(key, key, f"unknown field {key!r}", list(FIELDS))
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        return _error("text", text, "text must be the report's words, as a non-empty string")
    if len(text) > MAX_TEXT:
        return _error("text", f"{len(text)} characters", f"text is longer than {MAX_TEXT}")
    age = body.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 < age < 120):
        return _error("age", age, "age must be whole years from 1 to 119")
    findings = body.get("findings")
    if findings is not None and not isinstance(findings, dict):
        return _error("findings", findings, "findings must be a radiculog/findings@1 object")
    return None


def _compare(report: imaging.ImagingReport, body: dict[str, Any]) -> Result | imaging.Concordance:
    findings = body["findings"]
    try:
        assessment = radiculog.assess(findings).to_dict()
    except radiculog.FindingsError as exc:
        doc = exc.to_dict()
        for error in doc.get("errors", []):
            error["path"] = f"findings.{error['path']}"
        return Status(400, doc)
    age = body.get("age")
    return imaging.compare(report, assessment, age if age is not None else findings.get("age"))


@router.post(
    "/imaging",
    response={200: Any, 400: Any},
    summary="Read an MRI or CT report's text, level by level",
    openapi_extra=documented(
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["text"],
            "properties": {
                "text": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_TEXT,
                    "description": "the words of the MRI or CT report",
                },
                "findings": {
                    "description": "optional: the person's findings, to compare with the report",
                    "oneOf": [schema_object("findings"), schema_object("findings2")],
                },
                "age": {"type": "integer", "minimum": 1, "maximum": 119},
            },
        },
        "A scan report's text, and optionally the person's findings and age.",
        r200=(
            "radiculog/imaging@1: each level's findings and the roots they can touch, with "
            "`concordance` when findings were given (see docs/imaging.md).",
            {"type": "object", "required": ["schema", "levels", "cauda_equina_risk", "unread"]},
        ),
        r400=(
            "The body is not a JSON object, or a field is wrong.",
            error(INVALID_JSON, INVALID_DOCUMENT),
        ),
    ),
)
def read(request: HttpRequest) -> Result:
    """Each level's findings and the roots they can touch; with findings, how it fits."""
    from radiculog.web.api.views import parse_json_object

    body = parse_json_object(request)
    if isinstance(body, Status):
        return body
    problem = _check(body)
    if problem is not None:
        return problem
    report = imaging.read_report(body["text"])
    fit = None
    if body.get("findings") is not None:
        compared = _compare(report, body)
        if isinstance(compared, Status):
            return compared
        fit = compared
    return Status(200, imaging.to_document(report, fit))
