from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radiculog.exports.fhir import log_to_bundle

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle.get("entry", []) if e["resource"]["resourceType"] == kind]


def test_each_check_becomes_one_questionnaire_response(make_entry: Any, make_log: Any) -> None:
    log = make_log(make_entry(0), make_entry(1), make_entry(2))
    bundle = log_to_bundle(log, NOW)
    responses = resources(bundle, "QuestionnaireResponse")
    assert [r["authored"] for r in responses] == [
        "2026-11-21T08:00:00Z",
        "2026-11-21T20:00:00Z",
        "2026-11-22T08:00:00Z",
    ]
    assert Bundle.model_validate(bundle).type == "collection"


def test_pain_score_is_a_loinc_72514_3_observation(make_entry: Any, make_log: Any) -> None:
    bundle = log_to_bundle(make_log(make_entry(0, notes="Pain 6/10.")), NOW)
    (pain,) = resources(bundle, "Observation")
    assert pain["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "72514-3",
        "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
    }
    assert pain["valueQuantity"]["value"] == 6


def test_observations_point_back_at_their_check(make_entry: Any, make_log: Any) -> None:
    log = make_log(make_entry(0, toe=(10, 4), notes="Pain 2/10. Walked 8 minutes."))
    bundle = log_to_bundle(log, NOW)
    urls = {e["fullUrl"] for e in bundle["entry"]}
    observations = resources(bundle, "Observation")
    assert len(observations) == 4  # pain, walking, toe lift left and right
    for obs in observations:
        assert obs["derivedFrom"][0]["reference"] in urls
    right = next(o for o in observations if o.get("bodySite", {}).get("text") == "right leg")
    assert right["valueQuantity"]["value"] == 4


def test_unanswered_questions_stay_out_of_the_response(make_entry: Any, make_log: Any) -> None:
    item = make_entry(0)
    item["findings"]["answers"] = {"fever": False, "weakness_new": True}
    (qr,) = resources(log_to_bundle(make_log(item), NOW), "QuestionnaireResponse")
    answers = {
        i["linkId"]: i["answer"][0] for i in qr["item"] if i["linkId"].startswith("answers.")
    }
    assert answers == {
        "answers.fever": {"valueBoolean": False},
        "answers.weakness_new": {"valueBoolean": True},
    }


def test_the_same_log_exports_the_same_ids(make_entry: Any, make_log: Any) -> None:
    log = make_log(make_entry(0, notes="Pain 3/10."))
    first, second = log_to_bundle(log, NOW), log_to_bundle(log, NOW)
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]


values = st.none() | st.integers(0, 200) | st.sampled_from(["normal", "weaker", "unable"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(values, values, st.none() | st.integers(0, 10), st.text(max_size=30)), max_size=6
    )
)
def test_any_log_exports_a_valid_bundle(
    make_entry: Any, make_log: Any, rows: list[tuple[Any, Any, int | None, str]]
) -> None:
    items = []
    for n, (left, right, pain, trigger) in enumerate(rows):
        notes = f"Pain {pain}/10." if pain is not None else ""
        items.append(make_entry(n, toe=(left, right), notes=notes, triggers=trigger.strip()))
    bundle = log_to_bundle(make_log(*items), NOW)
    Bundle.model_validate(bundle)
    assert len(resources(bundle, "QuestionnaireResponse")) == len(rows)
    pains = [o for o in resources(bundle, "Observation") if o["code"].get("text") == "Pain 0-10"]
    assert len(pains) == sum(1 for r in rows if r[2] is not None)
