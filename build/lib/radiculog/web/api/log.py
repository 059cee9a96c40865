"""The signed-in person's symptom log over the JSON API (session login + CSRF).

GET /log (log@1), GET /log/trend (assessment with trend), POST /log/entries (one
log@1 entry; "at" defaults to now), GET and DELETE /log/entries/{id}.  Another
person's entry is a 404, exactly like a missing one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.security import django_auth

import radiculog
from radiculog.exports.log_json import LogImportError, read_entry
from radiculog.web.api.openapi import (
    ASSESSMENT,
    INVALID_DOCUMENT,
    INVALID_JSON,
    NOT_FOUND,
    documented,
    error,
    log_entry,
    schema_object,
)
from radiculog.web.api.views import parse_json_object
from radiculog.web.symptomlog import assessing
from radiculog.web.symptomlog.models import Entry
from radiculog.web.symptomlog.views import add_entry, log_of

router = Router(tags=["log"], auth=django_auth)
Result = Status[dict[str, Any]]
CREATED = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "at", "tier"],
    "properties": {
        "id": {"type": "integer"},
        "at": {"type": "string", "format": "date-time"},
        "tier": {"enum": ["emergency", "urgent", "soon", "watchful"]},
    },
}


def _not_found() -> Result:
    return Status(404, {"error": "not found"})


@router.get(
    "/log",
    response={200: Any},
    summary="Your symptom log as log@1",
    openapi_extra=documented(r200=("Your log, oldest entry first.", schema_object("log"))),
)
def get_log(request: HttpRequest) -> Result:
    return Status(200, log_of(request).to_doc())


@router.get(
    "/log/trend",
    response={200: Any, 404: Any},
    summary="Your log's trend",
    openapi_extra=documented(
        r200=(ASSESSMENT, schema_object("assessment-full")),
        r404=("The log has no entries yet.", NOT_FOUND),
    ),
)
def get_trend(request: HttpRequest) -> Result:
    assessment = assessing.log_assessment(log_of(request).to_doc())
    return Status(200, assessment) if assessment else _not_found()


@router.post(
    "/log/entries",
    response={201: Any, 400: Any},
    summary="Add one entry (a log@1 entry object)",
    openapi_extra=documented(
        {**log_entry(), "required": ["findings"]},
        "One log@1 entry; `at` defaults to now.",
        r201=("The entry as saved, with the tier of its check.", CREATED),
        r400=(
            "The body is not a JSON object, or not a valid entry.",
            error(INVALID_JSON, INVALID_DOCUMENT),
        ),
    ),
)
def post_entry(request: HttpRequest) -> Result:
    body = parse_json_object(request)
    if isinstance(body, Status):
        return body
    body.setdefault("at", timezone.now().isoformat())
    try:
        item = read_entry(body, radiculog.assess)
    except LogImportError as exc:
        error = {"path": exc.path, "value": str(exc.value), "message": exc.message, "allowed": None}
        return Status(400, {"error": "invalid entry", "errors": [error]})
    entry = add_entry(
        log_of(request), item.findings, at=item.at, triggers=item.triggers, easers=item.easers
    )
    return Status(201, {"id": entry.pk, "at": entry.at.isoformat(), "tier": entry.tier})


@router.get(
    "/log/entries/{entry_id}",
    response={200: Any, 404: Any},
    summary="One of your entries",
    openapi_extra=documented(
        r200=(
            "The entry (a log@1 entry with its id).",
            {**log_entry(), "properties": {"id": {"type": "integer"}, **log_entry()["properties"]}},
        ),
        r404=("No such entry of yours.", NOT_FOUND),
    ),
)
def get_entry(request: HttpRequest, entry_id: int) -> Result:
    entry = Entry.objects.filter(pk=entry_id, log__owner_id=request.user.pk).first()
    return Status(200, {"id": entry.pk, **entry.to_item()}) if entry else _not_found()


@router.delete(
    "/log/entries/{entry_id}",
    response={204: None, 404: Any},
    summary="Delete one of your entries",
    openapi_extra=documented(r404=("No such entry of yours.", NOT_FOUND)),
)
def delete_entry(request: HttpRequest, entry_id: int) -> Status[Any]:
    deleted, _ = Entry.objects.filter(pk=entry_id, log__owner_id=request.user.pk).delete()
    return Status(204, None) if deleted else _not_found()
