"""GET /api/v1/questionnaire: the self-check as a FHIR R4 Questionnaire (issue 25).

Built on each request from the knowledge and the web check's page order
(web/selfcheck/steps.py), so it always asks what the check asks.
`POST /api/v1/assess` takes a QuestionnaireResponse to it (views.py).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router

from radiculog.exports.questionnaire import Page, build_questionnaire
from radiculog.web.selfcheck.steps import STEPS, TEST_ORDER

router = Router(tags=["fhir"])
FHIR_JSON = "application/fhir+json"
QUESTIONNAIRE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["resourceType", "url", "item"],
    "properties": {"resourceType": {"const": "Questionnaire"}},
    "description": "An HL7 FHIR R4 Questionnaire resource.",
}


def selfcheck_questionnaire() -> dict[str, Any]:
    pages = [Page(s.slug, s.kind, str(s.title), s.items) for s in STEPS]
    return build_questionnaire(pages, TEST_ORDER)


@router.get(
    "/questionnaire",
    summary="The self-check as a FHIR R4 Questionnaire",
    openapi_extra={
        "responses": {
            200: {
                "description": "A FHIR R4 Questionnaire.",
                "content": {FHIR_JSON: {"schema": QUESTIONNAIRE_SCHEMA}},
            }
        }
    },
)
def questionnaire(request: HttpRequest) -> HttpResponse:
    """Every question of the self-check, in the web check's order, with plain enableWhen."""
    return JsonResponse(selfcheck_questionnaire(), content_type=FHIR_JSON)
