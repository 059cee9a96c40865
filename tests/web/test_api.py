"""The JSON API: contract documents in, engine results out, clear 400s for bad input."""

from __future__ import annotations

import pytest

import radiculog

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
    assert response.json() == radiculog.trend(log).to_dict()
    assert response.json()["trend"]["entries"] == 2


def test_the_openapi_document_lists_assess_and_trend(client):
    doc = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/assess", "/api/v1/trend", "/api/v1/imaging"} <= set(doc["paths"])
    body = doc["paths"]["/api/v1/assess"]["post"]["requestBody"]
    assert "findings@1" in body["description"]


def test_the_docs_page_loads_nothing_from_another_site(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "http://" not in html and "https://" not in html
