"""The contract's JSON Schemas, placed in the OpenAPI document.

Bodies are still parsed by the engine (its errors name path, value and allowed
values); these only describe the documents, so API users see the same schemas
the command line prints with `radiculog schema`. OpenAPI 3.1 schema objects are
JSON Schema 2020-12, so the contract's schemas go in as they are, less the
`$schema`/`$id` keys and with the log's reference to findings@1 written out.
"""

from __future__ import annotations

from typing import Any

from radiculog.contract.schema import load_schema

_DOCUMENT_KEYS = ("$schema", "$id")


def schema_object(name: str) -> dict[str, Any]:
    """A packaged schema as an OpenAPI schema object."""
    schema = load_schema(name)
    for key in _DOCUMENT_KEYS:
        schema.pop(key, None)
    if name == "log":
        entry = schema["properties"]["entries"]["items"]["properties"]
        entry["findings"] = schema_object("findings")
    if name == "log2":  # entries carry either findings version
        entry = schema["properties"]["entries"]["items"]["properties"]
        entry["findings"] = {"oneOf": [schema_object("findings"), schema_object("findings2")]}
    return schema


INVALID_JSON = {
    "type": "object",
    "additionalProperties": False,
    "required": ["error", "detail"],
    "properties": {"error": {"const": "invalid JSON"}, "detail": {"type": "string"}},
}
INVALID_DOCUMENT = {
    "type": "object",
    "additionalProperties": False,
    "required": ["error", "errors"],
    "properties": {
        "error": {
            "enum": [
                "invalid findings",
                "invalid log",
                "invalid entry",
                "invalid imaging request",
                "invalid QuestionnaireResponse",
            ]
        },
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "value", "message", "allowed"],
                "properties": {
                    "path": {"type": "string", "description": "e.g. pain[0].side"},
                    "value": {"description": "the value given (null when missing)"},
                    "message": {"type": "string"},
                    "allowed": {
                        "type": ["array", "null"],
                        "items": {"type": "string"},
                        "description": "the allowed values, when there is a fixed list",
                    },
                },
            },
        },
    },
}


NOT_FOUND = {
    "type": "object",
    "additionalProperties": False,
    "required": ["error"],
    "properties": {"error": {"const": "not found"}},
}


DETAIL: dict[str, Any] = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}},
}
SIGNED_IN: dict[str, tuple[str, dict[str, Any]]] = {
    "r401": ("Not signed in (the log API uses the web site's session).", DETAIL),
    "r403": ("The CSRF token is missing or wrong (needed to change the log).", DETAIL),
}
BAD_ID: tuple[str, dict[str, Any]] = (
    "The entry id in the path is not a whole number.",
    {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "array"}}},
)


# Shown in the interactive docs instead of a generated one (which would answer yes to
# every warning sign): a right L5 picture with toe lifts weaker on the right.
FINDINGS_EXAMPLE = {
    "schema": "radiculog/findings@1",
    "age": 41,
    "answers": {
        "bladder_change": False,
        "bowel_change": False,
        "saddle_numbness": False,
        "both_legs": False,
        "weakness_new": True,
        "fever": False,
        "pain_below_knee": True,
    },
    "pain": [
        {"region": "lateral_leg", "side": "right"},
        {"region": "dorsum_foot", "side": "right"},
    ],
    "sensory": [{"region": "first_web_space", "side": "right", "repeatable": True}],
    "function": [{"test": "toe_lift", "left": 10, "right": 4}],
}
# A findings@2 document with issue 18's optional answers: sudden severe back pain at 67,
# no blood thinners, not faint (urgent: an aneurysm is possible; calm enough to try).
FINDINGS2_EXAMPLE = {
    "schema": "radiculog/findings@2",
    "age": 67,
    "days_since_onset": 1,
    "answers": {
        "bladder_change": False,
        "bowel_change": False,
        "saddle_numbness": False,
        "anticoagulant_or_bleeding_disorder": False,
        "sudden_severe_pain": True,
        "feeling_faint": False,
        "night_sweats": False,
    },
    "pain": [{"region": "low_back", "side": "left"}],
}


# Checked in full by the fhir.resources models, then read into a findings document.
RESPONSE = {
    "type": "object",
    "required": ["resourceType", "questionnaire"],
    "properties": {
        "resourceType": {"const": "QuestionnaireResponse"},
        "questionnaire": {"type": "string", "description": "GET /questionnaire's url"},
        "item": {"type": "array", "items": {"type": "object"}},
    },
    "description": "An HL7 FHIR R4 QuestionnaireResponse to the self-check Questionnaire.",
}


def _request(name: str) -> dict[str, Any]:
    if name == "findings":  # either version of the findings document
        schemas = [schema_object("findings"), schema_object("findings2"), RESPONSE]
        return {"oneOf": schemas, "examples": [FINDINGS_EXAMPLE, FINDINGS2_EXAMPLE]}
    if name == "log":
        at = ("2026-11-20T08:00:00Z", "2026-11-20T20:00:00Z")
        entries = [{"at": t, "findings": FINDINGS_EXAMPLE} for t in at]
        return {
            "oneOf": [schema_object("log"), schema_object("log2")],
            "examples": [{"schema": "radiculog/log@1", "entries": entries}],
        }
    return schema_object(name)


def log_entry() -> dict[str, Any]:
    """One entry of a log@2 document (log@1's, with findings@1 or findings@2)."""
    return schema_object("log2")["properties"]["entries"]["items"]  # type: ignore[no-any-return]


def documented(
    request: dict[str, Any] | None = None,
    request_description: str = "",
    **responses: tuple[str, dict[str, Any]],
) -> dict[str, Any]:
    """openapi_extra: a JSON request body and responses, given as
    ``r200=("what it is", schema)``."""
    extra: dict[str, Any] = {}
    if request is not None:
        extra["requestBody"] = {
            "required": True,
            "description": request_description,
            "content": {"application/json": {"schema": request}},
        }
    extra["responses"] = {
        int(code.removeprefix("r")): {
            "description": description,
            "content": {"application/json": {"schema": schema}},
        }
        for code, (description, schema) in responses.items()
    }
    return extra


def error(*shapes: dict[str, Any]) -> dict[str, Any]:
    return {"title": "Error", "oneOf": list(shapes)}


TOO_LARGE = (
    "The body is larger than the limit (2 MB; a year of twice-daily entries is about 1 MB).",
    INVALID_JSON,
)
ASSESSMENT = "The assessment (radiculog/assessment@1 and its extra fields)."


def operation(request_schema: str, description: str) -> dict[str, Any]:
    """openapi_extra for an endpoint taking one contract document and answering an assessment."""
    return documented(
        _request(request_schema),
        description,
        r200=(ASSESSMENT, schema_object("assessment-full")),
        r400=(
            "The body is not a JSON object, or breaks the contract.",
            error(INVALID_JSON, INVALID_DOCUMENT),
        ),
        r413=TOO_LARGE,
    )
