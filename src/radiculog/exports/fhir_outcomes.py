"""FHIR resources for the outcome measures: leg and back pain (LOINC 72514-3, the
0-10 pain severity score, told apart by bodySite) and the Roland-Morris Disability
Questionnaire as a QuestionnaireResponse with its total as an Observation.

No LOINC code for the RMDQ total was verified, so it uses Radiculog's own code
system (docs/log-and-report.md) rather than a guessed one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from radiculog.summary.measures import measures_of
from radiculog.summary.outcomes import rmdq

PAIN_LOINC = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
UCUM = "http://unitsofmeasure.org"
SITES = {"leg_pain": "Leg (sciatica)", "back_pain": "Lower back"}
_NAMESPACE = uuid.UUID("0b6c8f0e-2f0e-4a53-9b8a-3c1f2d5e7a90")

Observation = Callable[[str, str, str, dict[str, Any], dict[str, Any]], dict[str, Any]]


def pain_observations(
    make: Observation, qr_id: str, entry: Mapping[str, Any], loinc: str
) -> list[dict[str, Any]]:
    measures = measures_of(entry["findings"])
    out = []
    for key, site in SITES.items():
        value = getattr(measures, key)
        if value is None:
            continue
        coding = {"system": loinc, "code": PAIN_LOINC[0], "display": PAIN_LOINC[1]}
        code: dict[str, Any] = {"coding": [coding], "text": f"{site} pain 0-10"}
        score = {"value": value, "system": UCUM, "code": "{score}"}
        body = {"bodySite": {"text": site}, "valueQuantity": score}
        obs_id = str(uuid.uuid5(_NAMESPACE, f"{key}|{entry['at']}"))
        out.append(make(obs_id, qr_id, entry["at"], code, body))
    return out


def rmdq_resources(
    make: Observation, base: str, code_system: str, answers: Sequence[tuple[str, Sequence[int]]]
) -> list[dict[str, Any]]:
    """One QuestionnaireResponse per weekly questionnaire (every sentence answered
    true or false: the person confirmed the unticked ones), and its total."""
    items = rmdq()["items"]
    out: list[dict[str, Any]] = []
    for at, ticked in answers:
        qr_id = str(uuid.uuid5(_NAMESPACE, f"rmdq|{at}"))
        out.append(
            {
                "resourceType": "QuestionnaireResponse",
                "id": qr_id,
                "questionnaire": f"{base}/Questionnaire/rmdq-24",
                "status": "completed",
                "authored": at,
                "item": [
                    {"linkId": f"rmdq.{n}", "text": text, "answer": [{"valueBoolean": n in ticked}]}
                    for n, text in enumerate(items, 1)
                ],
            }
        )
        code = {
            "coding": [{"system": code_system, "code": "rmdq-24.total", "display": "RMDQ total"}],
            "text": "Roland-Morris Disability Questionnaire total (0-24)",
        }
        value = {"valueInteger": len(ticked)}
        obs_id = str(uuid.uuid5(_NAMESPACE, f"rmdq-total|{at}"))
        out.append(make(obs_id, qr_id, at, code, value))
    return out
