"""POST /api/v1/imaging: report text in, level-by-level reading out; clear 400s."""

from __future__ import annotations

import jsonschema
import pytest

from radiculog.imaging import compare, read_report

pytestmark = pytest.mark.django_db
URL = "/api/v1/imaging"
TEXT = (
    "L4-5: Left paracentral protrusion abutting the traversing left L5 nerve root.\nL5-S1: Normal."
)


def test_it_reads_each_level_and_the_roots(post_json):
    response = post_json(URL, {"text": TEXT})
    assert response.status_code == 200
    doc = response.json()
    assert doc["schema"] == "radiculog/imaging@1"
    assert [(e["level"], e["finding"], e["roots"], e["root_contact"]) for e in doc["levels"]] == [
        ("L4-L5", "protrusion", ["L5"], "contact"),
        ("L5-S1", "normal", [], "unstated"),
    ]
    assert "concordance" not in doc


def test_with_findings_it_adds_the_concordance(post_json, examples):
    findings = examples["01-l5-classic-no-weakness"]["findings"]
    response = post_json(URL, {"text": TEXT, "findings": findings, "age": 44})
    assert response.status_code == 200
    fit = response.json()["concordance"]
    assert fit["leaning"] == "L5"
    assert fit["verdict"] == "partly matches"  # L5 fits, but the report says left, the leg right
    assert fit["age_rates"] == [
        {"finding": "protrusion", "age": 44, "table_age": 40, "percent": 33,
         "source": "brinjikji2015"}
    ]  # fmt: skip


def test_cauda_equina_wording_with_symptoms_raises_to_emergency(post_json, examples):
    findings = examples["05-cauda-equina-warning"]["findings"]
    text = "L4/5: Large central extrusion with compression of the cauda equina."
    doc = post_json(URL, {"text": text, "findings": findings}).json()
    assert doc["cauda_equina_risk"] is True
    assert doc["concordance"]["cauda_equina"]["raises_to_emergency"] is True


@pytest.mark.parametrize(
    ("body", "path", "allowed"),
    [
        ({}, "text", None),
        ({"text": "   "}, "text", None),
        ({"text": 12}, "text", None),
        ({"text": "L4-5 bulge", "age": "forty"}, "age", None),
        ({"text": "L4-5 bulge", "age": 200}, "age", None),
        ({"text": "L4-5 bulge", "findings": [1]}, "findings", None),
        ({"text": "L4-5 bulge", "report": "x"}, "report", ["text", "findings", "age"]),
    ],
)
def test_bad_bodies_name_the_field(post_json, body, path, allowed):
    response = post_json(URL, body)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["path"] == path
    assert error["allowed"] == allowed


def test_bad_findings_get_the_engines_errors_under_findings(post_json):
    bad = {"schema": "radiculog/findings@1", "answers": {"fevr": True}}
    response = post_json(URL, {"text": TEXT, "findings": bad})
    assert response.status_code == 400
    assert any(e["path"].startswith("findings.") for e in response.json()["errors"])


def test_it_agrees_with_the_library(post_json, examples):
    findings = examples["03-s1-calf-push-off"]["findings"]
    doc = post_json(URL, {"text": TEXT, "findings": findings}).json()
    import radiculog

    expected = compare(read_report(TEXT), radiculog.assess(findings).to_dict(), findings["age"])
    assert doc["concordance"] == expected.to_dict()


def test_not_json_is_a_400(post_json):
    response = post_json(URL, "{oops")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid JSON"


def test_what_it_answers_matches_its_openapi_document(client, post_json, examples):
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["post"]

    def schema(part):
        where = operation["requestBody"] if part == "request" else operation["responses"][part]
        return jsonschema.Draft202012Validator(where["content"]["application/json"]["schema"])

    findings = examples["01-l5-classic-no-weakness"]["findings"]
    good = [{"text": TEXT}, {"text": TEXT, "findings": findings, "age": 44}]
    for body in good:
        schema("request").validate(body)
        response = post_json(URL, body)
        assert response.status_code == 200
        schema("200").validate(response.json())
    wrong_findings = {"schema": "radiculog/findings@1", "age": "x"}
    bad = [
        {"text": ""},
        {"text": TEXT, "colour": "red"},
        {"text": TEXT, "age": 200},
        {"text": TEXT, "findings": wrong_findings},
        "[1]",
    ]
    for body in bad:
        if isinstance(body, dict):
            assert not schema("request").is_valid(body), body
        response = post_json(URL, body)
        assert response.status_code == 400
        schema("400").validate(response.json())
