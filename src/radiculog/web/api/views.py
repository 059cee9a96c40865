"""The JSON API: findings@1 in, assessment@1 out; log@1 in, assessment with trend out.

Bodies are parsed by hand rather than by a pydantic model, so a bad document
gets the engine's own errors (path, value, allowed values), the same ones the
command line prints, instead of a second, differently worded validator.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI, Status

import radiculog
from radiculog.contract.limits import UnreadableJSON, load_json
from radiculog.exports.questionnaire_response import response_to_findings
from radiculog.web.api.openapi import operation
from radiculog.web.limits import API_BODY_BYTES

api = NinjaAPI(
    title="Radiculog API",
    version="1",
    description=(
        "Sciatica self-check engine over HTTP. Educational, not a diagnosis. "
        "Documents follow the findings contract (radiculog/findings@1, radiculog/log@1)."
    ),
    urls_namespace="api",
)

Result = Status[dict[str, Any]]
MAX_BODY = API_BODY_BYTES


def parse_json_object(request: HttpRequest) -> dict[str, Any] | Result:
    """The request body as a JSON object, or a 400 (413 when too large) result
    naming what is wrong."""
    try:
        document = load_json(request.body, MAX_BODY)
    except RequestDataTooBig:  # past Django's DATA_UPLOAD_MAX_MEMORY_SIZE
        return Status(413, {"error": "invalid JSON", "detail": f"the limit is {MAX_BODY} bytes"})
    except UnreadableJSON as exc:
        return Status(
            413 if exc.too_large else 400, {"error": "invalid JSON", "detail": exc.detail}
        )
    if not isinstance(document, dict):
        return _invalid(f"expected an object, got {type(document).__name__}")
    return document


def _invalid(detail: str) -> Result:
    return Status(400, {"error": "invalid JSON", "detail": detail})


def _run(request: HttpRequest, engine_function: str, **options: Any) -> Result:
    document = parse_json_object(request)
    if isinstance(document, Status):
        return document
    try:
        if engine_function == "assess" and document.get("resourceType") == "QuestionnaireResponse":
            document = response_to_findings(document)
        result = getattr(radiculog, engine_function)(document, **options)
    except radiculog.FindingsError as exc:
        return Status(400, exc.to_dict())
    return Status(200, result.to_dict())


@api.post(
    "/assess",
    response={200: Any, 400: Any, 413: Any},
    summary="Assess one findings document",
    openapi_extra=operation(
        "findings",
        "A radiculog/findings@1 (or findings@2) document, or a FHIR QuestionnaireResponse "
        "to GET /questionnaire (the same answers give the same result).",
    ),
)
def assess(request: HttpRequest) -> Result:
    """Urgency tier, nerve-root leaning and decision card for one findings document."""
    return _run(request, "assess")


@api.post(
    "/trend",
    response={200: Any, 400: Any, 413: Any},
    summary="Assess a symptom log",
    openapi_extra=operation(
        "log",
        "A radiculog/log@1 document: timestamped findings, oldest first (or log@2, "
        "which adds clinician_seen: when a clinician saw the person).",
    ),
)
def trend(request: HttpRequest) -> Result:
    """The newest entry's assessment, escalated by how the log moved, with a trend object:
    as of now, as the log page and the command line (an entry in the future is a 400)."""
    return _run(request, "trend", now=timezone.now())


api.add_router("", "radiculog.web.api.imaging.router")  # POST /imaging (issue 5)
api.add_router("", "radiculog.web.api.log.router")  # the signed-in person's log (issue 4)
api.add_router("", "radiculog.web.api.fhir.router")  # GET /questionnaire (issue 25)
