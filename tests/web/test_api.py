"""The JSON API: contract documents in, engine results out, clear 400s for bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import jsonschema
import pytest

import radiculog
from radiculog.contract.schema import load_schema

pytestmark = pytest.mark.django_db

ASSESS = "/api/v1/assess"
TREND = "/api/v1/trend"


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ("{not json", "Expecting property name"),
        ("", "Expecting value"),
        ("[1, 2]", "expected an object, got list"),
        ('"findings"', "expected an object, got str"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
@pytest.mark.parametrize("url", [ASSESS, TREND])
def test_it_rejects_a_body_that_is_not_a_json_object(post_json, url, body, detail):
    response = post_json(url, body)
    assert response.status_code == 400
    payload = response.json()
    assert payload["error"] == "invalid JSON"
    assert detail in payload["detail"]


def test_it_returns_the_engines_assessment_for_every_contract_example(post_json, examples):
    for name, example in examples.items():
        response = post_json(ASSESS, example["findings"])
        assert response.status_code == 200, name
        assert response.json() == radiculog.assess(example["findings"]).to_dict(), name


def test_it_reports_findings_errors_with_the_field_path(post_json):
    bad = {"schema": "radiculog/findings@1", "answers": {"bladder_chang": True}}
    response = post_json(ASSESS, bad)
    assert response.status_code == 400
    payload = response.json()
    with pytest.raises(radiculog.FindingsError) as caught:
        radiculog.assess(bad)
    assert payload == caught.value.to_dict()
    assert any(
        "bladder_chang" in e["path"] or e["value"] == "bladder_chang" for e in payload["errors"]
    )


@pytest.mark.usefixtures("log_clock")
def test_trend_returns_a_trend_object(post_json, examples):
    first = next(iter(examples.values()))["findings"]
    log = {
        "schema": "radiculog/log@1",
        "entries": [
            {"at": "2026-11-20T08:00:00Z", "findings": first},
            {"at": "2026-11-21T08:00:00Z", "findings": first},
        ],
    }
    response = post_json(TREND, log)
    assert response.status_code == 200
    # As of now (the log clock), as the log page and the command line assess it.
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    assert response.json() == radiculog.trend(log, now).to_dict()
    assert response.json()["trend"]["entries"] == 2
    ahead = {**log, "entries": [*log["entries"], {"at": "2027-01-01T08:00:00Z", "findings": first}]}
    refused = post_json(TREND, ahead)
    assert refused.status_code == 400 and "in the future" in refused.text


def test_the_openapi_document_lists_assess_and_trend(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/assess", "/api/v1/trend", "/api/v1/imaging"} <= set(doc["paths"])
    body = doc["paths"]["/api/v1/assess"]["post"]["requestBody"]
    assert "findings@1" in body["description"]


def _openapi_schema(client, url, part):
    """The JSON Schema the served OpenAPI document gives for a request body or a response."""
    operation = client.get("/api/v1/openapi.json").json()["paths"][url]["post"]
    where = operation["requestBody"] if part == "request" else operation["responses"][part]
    return where["content"]["application/json"]["schema"]


def test_the_openapi_request_bodies_are_the_contract_schemas(client):
    findings = _openapi_schema(client, ASSESS, "request")
    assert [s["properties"]["schema"] for s in findings["oneOf"][:2]] == [
        load_schema("findings")["properties"]["schema"],
        load_schema("findings2")["properties"]["schema"],
    ]
    assert findings["oneOf"][2]["properties"]["resourceType"] == {"const": "QuestionnaireResponse"}
    assert findings["oneOf"][0]["properties"] == load_schema("findings")["properties"]
    logs = _openapi_schema(client, TREND, "request")["oneOf"]
    assert [s["properties"]["schema"] for s in logs] == [
        load_schema("log")["properties"]["schema"],
        load_schema("log2")["properties"]["schema"],
    ]
    entry = logs[0]["properties"]["entries"]["items"]["properties"]
    assert entry["findings"]["properties"] == load_schema("findings")["properties"]
    assert "clinician_seen" in logs[1]["properties"]


def test_what_the_api_answers_matches_its_openapi_document(client, post_json, examples):
    """Every 200 and 400 body validates against the schema the OpenAPI document promises."""
    for url, good, bad in [
        (
            ASSESS,
            [e["findings"] for e in examples.values()],
            {"schema": "radiculog/findings@1", "pain": [{"region": "x"}]},
        ),
        (
            TREND,
            [
                {
                    "schema": "radiculog/log@1",
                    "entries": [{"at": "2026-11-21T08:00:00Z", "findings": e["findings"]}],
                }
                for e in examples.values()
            ],
            {"schema": "radiculog/log@1", "entries": []},
        ),
    ]:
        ok = jsonschema.Draft202012Validator(_openapi_schema(client, url, "200"))
        error = jsonschema.Draft202012Validator(_openapi_schema(client, url, "400"))
        for document in good:
            response = post_json(url, document)
            assert response.status_code == 200
            ok.validate(response.json())
        for body in (bad, "{not json"):
            response = post_json(url, body)
            assert response.status_code == 400
            error.validate(response.json())


def test_the_docs_page_loads_nothing_from_another_site(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "http://" not in html and "https://" not in html


def test_the_documented_examples_are_valid_and_calm_enough_to_try(client, post_json):
    for url in (ASSESS, TREND):
        schema = _openapi_schema(client, url, "request")
        for example in schema["examples"]:
            jsonschema.Draft202012Validator(schema).validate(example)
            response = post_json(url, example)
            assert response.status_code == 200
            assert response.json()["urgency"]["tier"] == "urgent"  # new weakness, no emergency


def test_the_openapi_findings_examples_are_valid_and_answer_as_the_engine_does(client, post_json):
    """Issue 18: the findings@2 example carries the new optional answers; each example
    is a valid document and the API answers it with the engine's tier."""
    examples = _openapi_schema(client, ASSESS, "request")["examples"]
    assert {e["schema"] for e in examples} == {"radiculog/findings@1", "radiculog/findings@2"}
    new = next(e for e in examples if e["schema"] == "radiculog/findings@2")
    assert {"anticoagulant_or_bleeding_disorder", "sudden_severe_pain"} <= set(new["answers"])
    for example in examples:
        response = post_json(ASSESS, example)
        assert response.status_code == 200, response.content
        assert response.json()["urgency"]["tier"] == radiculog.assess(example).urgency.tier
    reasons = post_json(ASSESS, new).json()["urgency"]["reasons"]
    assert "sudden_pain_over_60" in {r["id"] for r in reasons}


def test_assess_reads_the_notes_and_says_back_what_was_read(post_json):
    from tests.conftest import findings

    response = post_json(ASSESS, findings(notes="cant feel the toilet paper"))
    body = response.json()
    assert response.status_code == 200 and body["urgency"]["tier"] == "emergency"
    assert body["notes_read"][0]["quote"] == "cant feel the toilet paper"
    assert body["urgency"]["reasons"][0]["text"].startswith('You wrote "cant feel the toilet')
