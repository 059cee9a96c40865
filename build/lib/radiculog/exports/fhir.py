"""A log@1 document as an HL7 FHIR Bundle: one QuestionnaireResponse per check
and Observations derived from it.

Built and validated with the `fhir.resources` R4B models (fhir.resources 8.x
ships R4B, STU3 and R5; R4B is FHIR 4.3, wire-compatible with R4 for the
Bundle, QuestionnaireResponse and Observation elements used here).
LOINC codes are used where one exists (pain severity 0–10: 72514-3); the
other items use Radiculog's own code system, named by CODE_SYSTEM.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from radiculog.summary.labels import SLEEP_LABELS, place, test_heading
from radiculog.summary.measures import measures_of, strip_measures

# Placeholder canonical base until the project publishes its own terminology.
BASE = "https://radiculog.example/fhir"
CODE_SYSTEM = f"{BASE}/CodeSystem/radiculog"
QUESTIONNAIRE = f"{BASE}/Questionnaire/findings-1"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
_NAMESPACE = uuid.UUID("4f1b2b84-6a6e-4f57-9f6c-6b2f7b0c1a11")


def log_to_bundle(log: Mapping[str, Any], generated_at: datetime | None = None) -> dict[str, Any]:
    """A validated FHIR Bundle (type collection) as a JSON-ready dict."""
    resources: list[dict[str, Any]] = []
    for index, entry in enumerate(log.get("entries", [])):
        qr_id = _uuid("qr", index, entry)
        resources.append(_questionnaire_response(qr_id, entry))
        resources += _observations(qr_id, index, entry)
    stamp = (generated_at or datetime.now(UTC)).isoformat()
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": stamp,
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }
    validated = Bundle.model_validate(bundle)
    result: dict[str, Any] = json.loads(validated.model_dump_json(exclude_none=True))
    return result


def _uuid(kind: str, index: int, entry: Mapping[str, Any]) -> str:
    """Stable ids, so the same log always exports the same bundle."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}|{index}|{entry['at']}"))


def _coding(code: str, display: str, system: str = CODE_SYSTEM) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _answer(value: object) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    return {"valueString": str(value)}


def _questionnaire_response(qr_id: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    findings = entry["findings"]
    items = [
        {"linkId": f"answers.{qid}", "answer": [_answer(value)]}
        for qid, value in findings.get("answers", {}).items()
    ]  # absent answers stay absent: unanswered is never "no"
    items += _region_items("pain", findings.get("pain", []))
    items += _region_items("sensory", findings.get("sensory", []))
    items += _function_items(findings.get("function", []))
    items += _measure_items(entry)
    return {
        "resourceType": "QuestionnaireResponse",
        "id": qr_id,
        "questionnaire": QUESTIONNAIRE,
        "status": "completed",
        "authored": entry["at"],
        "item": items,
    }


def _region_items(link: str, spots: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if not spots:
        return []
    answers = []
    for spot in spots:
        parts = [spot["region"], spot.get("side"), spot.get("kind")]
        code = ":".join(p for p in parts if p)
        display = place(spot["region"], spot.get("side"))
        if spot.get("kind"):
            display += f", {spot['kind']}"
        answers.append({"valueCoding": _coding(code, display)})
    return [{"linkId": link, "answer": answers}]


def _function_items(tests: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    items = []
    for test in tests:
        for side in ("left", "right"):
            if test.get(side) is not None:
                link = f"function.{test['test']}.{side}"
                items.append({"linkId": link, "answer": [_answer(test[side])]})
    return items


def _measure_items(entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    measures = measures_of(entry["findings"])
    values: dict[str, object] = {
        "pain_score": measures.pain,
        "sleep": SLEEP_LABELS.get(measures.sleep or ""),
        "walk_minutes": measures.walk_minutes,
        "triggers": entry.get("triggers") or None,
        "easers": entry.get("easers") or None,
        "notes": strip_measures(str(entry["findings"].get("notes", ""))) or None,
    }
    return [{"linkId": k, "answer": [_answer(v)]} for k, v in values.items() if v is not None]


def _observation(
    obs_id: str, qr_id: str, at: str, code: dict[str, Any], value: dict[str, Any]
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": obs_id,
        "status": "final",
        "category": [SURVEY],
        "code": code,
        "effectiveDateTime": at,
        "derivedFrom": [{"reference": f"urn:uuid:{qr_id}"}],
        **value,
    }


def _observations(qr_id: str, index: int, entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    at = entry["at"]
    findings = entry["findings"]
    measures = measures_of(findings)
    out = []
    if measures.pain is not None:
        code = {
            "coding": [
                _coding(
                    "72514-3",
                    "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                    LOINC,
                )
            ],
            "text": "Pain 0-10",
        }
        value = {"valueQuantity": {"value": measures.pain, "system": UCUM, "code": "{score}"}}
        out.append(_observation(_uuid("pain", index, entry), qr_id, at, code, value))
    if measures.walk_minutes is not None:
        code = {"coding": [_coding("walk-minutes", "Walking time before stopping")]}
        quantity = {"value": measures.walk_minutes, "unit": "min", "system": UCUM, "code": "min"}
        out.append(
            _observation(_uuid("walk", index, entry), qr_id, at, code, {"valueQuantity": quantity})
        )
    for test in findings.get("function", []):
        out += _function_observations(qr_id, index, entry, test)
    return out


def _function_observations(
    qr_id: str, index: int, entry: Mapping[str, Any], test: Mapping[str, Any]
) -> list[dict[str, Any]]:
    out = []
    for side in ("left", "right"):
        value = test.get(side)
        if value is None:
            continue
        name = test["test"]
        code = {"coding": [_coding(f"function.{name}", test_heading(name))]}
        body: dict[str, Any] = {"bodySite": {"text": f"{side} leg"}}
        if isinstance(value, int):
            body["valueQuantity"] = {
                "value": value,
                "unit": "repetitions",
                "system": UCUM,
                "code": "{reps}",
            }
        else:
            body["valueString"] = str(value)
        obs_id = _uuid(f"fn|{name}|{side}", index, entry)
        out.append(_observation(obs_id, qr_id, entry["at"], code, body))
    return out
