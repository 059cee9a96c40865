"""The signed-in person's symptom log over the JSON API (session login + CSRF).

GET /log (what the JSON export gives: log@2 with the clinician-seen records when
there are any, or when an entry is findings@2; log@1 otherwise), GET /log/trend
(assessment with trend), POST /log/entries (one log entry; "at" defaults to now),
GET and DELETE /log/entries/{id}.  Another person's entry is a 404, exactly like a
missing one.
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
    BAD_ID,
    INVALID_DOCUMENT,
    INVALID_JSON,
    NOT_FOUND,
    SIGNED_IN,
    TOO_LARGE,
    documented,
    error,
    log_entry,
    schema_object,
)
from radiculog.web.api.views import parse_json_object
from radiculog.web.symptomlog import writing
from radiculog.web.symptomlog.models import Entry
from radiculog.web.symptomlog.seen import outgoing_document
from radiculog.web.symptomlog.views import log_of
from radiculog.web.symptomlog.writing import add_entry, current_assessment
from radiculog.web.writes.once import BadKey, header_key, once

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


def _own_entry(request: HttpRequest, entry_id: int) -> Entry | None:
    """The signed-in person's entry with this id; an id past the database's range is none."""
    if not 0 < entry_id < 2**63:
        return None
    return Entry.objects.filter(pk=entry_id, log__owner_id=request.user.pk).first()


def _not_found() -> Result:
    return Status(404, {"error": "not found"})


@router.get(
    "/log",
    response={200: Any},
    summary="Your symptom log (log@1, or log@2 with clinician-seen records)",
    openapi_extra=documented(
        r200=(
            "Your log, oldest entry first: the JSON export's document. log@2 (with "
            "`clinician_seen`) when a clinician has seen you or an entry is findings@2; "
            "log@1 otherwise.",
            {"oneOf": [schema_object("log"), schema_object("log2")]},
        ),
        r401=SIGNED_IN["r401"],
    ),
)
def get_log(request: HttpRequest) -> Result:
    return Status(200, outgoing_document(log_of(request)))


@router.get(
    "/log/trend",
    response={200: Any, 404: Any},
    summary="Your log's trend",
    openapi_extra=documented(
        r200=(ASSESSMENT, schema_object("assessment-full")),
        r404=("The log has no entries yet.", NOT_FOUND),
        r401=SIGNED_IN["r401"],
    ),
)
def get_trend(request: HttpRequest) -> Result:
    assessment = current_assessment(log_of(request))
    return Status(200, assessment) if assessment else _not_found()


@router.post(
    "/log/entries",
    response={201: Any, 400: Any, 413: Any},
    summary="Add one entry (a log entry object)",
    openapi_extra=documented(
        {**log_entry(), "required": ["findings"]},
        "One log entry (findings@1 or findings@2); `at` defaults to now.",
        r201=("The entry as saved, with the tier of its check.", CREATED),
        r400=(
            "The body is not a JSON object, or not a valid entry.",
            error(INVALID_JSON, INVALID_DOCUMENT),
        ),
        r413=TOO_LARGE,
        r401=SIGNED_IN["r401"],
        r403=SIGNED_IN["r403"],
    ),
)
def post_entry(request: HttpRequest) -> Result:
    body = parse_json_object(request)
    if isinstance(body, Status):
        return body
    body.setdefault("at", timezone.now().isoformat())
    try:
        item = read_entry(body, radiculog.assess, timezone.now())  # not in the future
    except LogImportError as exc:
        error = {"path": exc.path, "value": str(exc.value), "message": exc.message, "allowed": None}
        return Status(400, {"error": "invalid entry", "errors": [error]})
    try:
        key = header_key(request)
    except BadKey as exc:
        return Status(400, {"error": "invalid Idempotency-Key", "detail": str(exc)})
    log = log_of(request)
    done = once(
        request.user,
        key,
        lambda: add_entry(
            log, item.findings, at=item.at, triggers=item.triggers, easers=item.easers
        ),
        remember=_created,
    )
    # A repeat with the same Idempotency-Key gets the first answer; nothing is added.
    return Status(201, _created(done.value) if done.value else done.result)


def _created(entry: Entry) -> dict[str, Any]:
    return {"id": entry.pk, "at": entry.at.isoformat(), "tier": entry.tier}


@router.get(
    "/log/entries/{entry_id}",
    response={200: Any, 404: Any},
    summary="One of your entries",
    openapi_extra=documented(
        r200=(
            "The entry (a log entry with its id).",
            {**log_entry(), "properties": {"id": {"type": "integer"}, **log_entry()["properties"]}},
        ),
        r404=("No such entry of yours.", NOT_FOUND),
        r401=SIGNED_IN["r401"],
        r422=BAD_ID,
    ),
)
def get_entry(request: HttpRequest, entry_id: int) -> Result:
    entry = _own_entry(request, entry_id)
    return Status(200, {"id": entry.pk, **entry.to_item()}) if entry else _not_found()


@router.delete(
    "/log/entries/{entry_id}",
    response={204: None, 404: Any},
    summary="Delete one of your entries",
    openapi_extra=documented(
        r404=("No such entry of yours.", NOT_FOUND),
        r422=BAD_ID,
        r401=SIGNED_IN["r401"],
        r403=SIGNED_IN["r403"],
    ),
)
def delete_entry(request: HttpRequest, entry_id: int) -> Status[Any]:
    entry = _own_entry(request, entry_id)
    if entry is None:
        return _not_found()
    writing.delete_entry(entry)
    return Status(204, None)
