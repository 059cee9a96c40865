"""The self-check as a FHIR Questionnaire, and responses to it read back (issue 25)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire
from hypothesis import HealthCheck, given, settings
from tests.exports.findings_documents import findings_documents

import radiculog
from radiculog.contract.errors import FindingsError
from radiculog.engine.knowledge import load_knowledge
from radiculog.exports.questionnaire import URL, Page, build_questionnaire, strength_test_names
from radiculog.exports.questionnaire_response import findings_to_response, response_to_findings

PAGES = [
    Page("now", "questions", "Now", ("bladder_change", "fever")),
    Page("symptoms", "symptoms", "Symptoms", ("pain_below_knee",)),
    Page("pain-map", "map", "Pain", ("pain",)),
    Page("feeling-map", "map", "Feeling", ("sensory",)),
    Page("tests", "tests", "Tests"),
]


def _items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        out.append(item)
        out += _items(item.get("item", []))
    return out


def test_every_question_of_the_vocabulary_is_asked_once_in_page_order() -> None:
    questionnaire = build_questionnaire(PAGES, ["toe_lift"])
    booleans = [
        i["linkId"]
        for i in _items(questionnaire["item"])
        if i["linkId"] in load_knowledge().questions
    ]
    assert sorted(booleans) == sorted(load_knowledge().questions)
    assert booleans[:3] == ["bladder_change", "fever", "pain_below_knee"]
    texts = {i["linkId"]: i["text"] for i in _items(questionnaire["item"])}
    assert texts["fever"] == load_knowledge().questions["fever"].text


def test_it_is_a_valid_r4_questionnaire_with_plain_enable_when_only() -> None:
    questionnaire = build_questionnaire(PAGES, ["toe_lift"])
    assert Questionnaire.model_validate(questionnaire).url == URL
    text = json.dumps(questionnaire)
    assert "expression" not in text.lower() and "extension" not in text
    link_ids = [i["linkId"] for i in _items(questionnaire["item"])]
    assert len(link_ids) == len(set(link_ids))
    for item in _items(questionnaire["item"]):
        for condition in item.get("enableWhen", []):
            assert condition["question"] in link_ids


def test_every_strength_test_is_offered_the_page_order_first() -> None:
    questionnaire = build_questionnaire(PAGES, ["calf_raise"])
    function = next(i for i in _items(questionnaire["item"]) if i["linkId"] == "function")
    tests = [g["linkId"].removeprefix("function.") for g in function["item"]]
    assert tests[0] == "calf_raise" and sorted(tests) == sorted(strength_test_names())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(findings_documents())
def test_a_response_built_from_findings_assesses_identically(findings: dict[str, Any]) -> None:
    back = response_to_findings(findings_to_response(findings))
    assert back["answers"] == findings["answers"]  # unanswered stays unanswered
    assert radiculog.assess(back).to_dict() == radiculog.assess(findings).to_dict()


def test_an_unanswered_warning_sign_stays_unanswered() -> None:
    findings = {"schema": "radiculog/findings@2", "answers": {"fever": False}}
    back = response_to_findings(findings_to_response(findings))
    assert back["answers"] == {"fever": False}
    assert "bladder_change" in radiculog.assess(back).to_dict()["urgency"]["missing"]


def _response(*items: dict[str, Any], questionnaire: str = URL) -> dict[str, Any]:
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire,
        "status": "completed",
        "item": list(items),
    }


@pytest.mark.parametrize(
    ("response", "path"),
    [
        (_response(questionnaire="https://elsewhere.example/Questionnaire/x"), "questionnaire"),
        (
            _response({"linkId": "no_such_question", "answer": [{"valueBoolean": True}]}),
            "item no_such_question",
        ),
        (
            _response(
                {"linkId": "fever", "answer": [{"valueBoolean": True}, {"valueBoolean": False}]}
            ),
            "fever",
        ),
        ({**_response(), "item": "not a list"}, "item"),
    ],
)
def test_a_bad_response_names_what_is_wrong(response: dict[str, Any], path: str) -> None:
    with pytest.raises(FindingsError) as caught:
        response_to_findings(response)
    assert caught.value.errors[0].path == path


def test_answers_nested_in_page_groups_are_read() -> None:
    nested = _response(
        {
            "linkId": "page.now",
            "item": [{"linkId": "bladder_change", "answer": [{"valueBoolean": True}]}],
        }
    )
    assert response_to_findings(nested)["answers"] == {"bladder_change": True}
    assert radiculog.assess(response_to_findings(nested)).urgency.tier == "emergency"
