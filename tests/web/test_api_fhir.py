"""GET /api/v1/questionnaire and POST /api/v1/assess with a QuestionnaireResponse (issue 25)."""

from __future__ import annotations

import json

from fhir.resources.R4B.questionnaire import Questionnaire

from radiculog.exports.questionnaire_response import findings_to_response
from radiculog.web.selfcheck.steps import STEPS

ASSESS = "/api/v1/assess"


def _link_ids(items):
    for item in items:
        yield item["linkId"]
        yield from _link_ids(item.get("item", []))


def test_the_questionnaire_follows_the_web_checks_pages(client):
    response = client.get("/api/v1/questionnaire")
    assert response["Content-Type"] == "application/fhir+json"
    questionnaire = response.json()
    Questionnaire.model_validate(questionnaire)
    asked = [i for i in _link_ids(questionnaire["item"]) if "." not in i]
    on_pages = [q for step in STEPS if step.kind in ("questions", "symptoms") for q in step.items]
    assert [q for q in asked if q in on_pages] == on_pages


def test_a_response_assesses_like_its_findings_document(post_json, examples):
    for example in examples.values():
        findings = example["findings"]
        by_response = post_json(ASSESS, findings_to_response(findings))
        assert by_response.status_code == 200
        assert by_response.json() == post_json(ASSESS, findings).json()


def test_a_bad_response_gets_a_400_naming_the_item(post_json):
    body = findings_to_response({"answers": {"fever": True}})
    body["item"][0]["linkId"] = "fevre"
    response = post_json(ASSESS, json.dumps(body))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid QuestionnaireResponse"
    assert response.json()["errors"][0]["path"] == "item fevre"
