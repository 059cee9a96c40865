"""The report against the symptom picture: verdicts, sides, age-matched rates, cauda equina."""

from __future__ import annotations

from typing import Any

import pytest

from radiculog import assess
from radiculog.imaging import compare, read_report
from radiculog.imaging.prevalence import rate
from tests.conftest import load_example


def assessment(example: str) -> dict[str, Any]:
    return assess(load_example(example)["findings"]).to_dict()  # type: ignore[no-any-return]


L5_RIGHT = "01-l5-classic-no-weakness.json"  # leaning L5, right
S1_LEFT = "03-s1-calf-push-off.json"  # leaning S1, left
NO_LEANING = "08-pain-only-overlap.json"
CES_SYMPTOMS = "05-cauda-equina-warning.json"


def test_the_examples_lean_as_these_tests_assume() -> None:
    a, b = assessment(L5_RIGHT), assessment(S1_LEFT)
    assert (a["leaning"], a["side"]) == ("L5", "right")
    assert (b["leaning"], b["side"]) == ("S1", "left")
    assert assessment(NO_LEANING)["leaning"] is None


@pytest.mark.parametrize(
    ("example", "text", "verdict"),
    [
        (L5_RIGHT, "L4-5: Right paracentral protrusion.", "matches"),
        (S1_LEFT, "L4-5: Left paracentral extrusion contacting the descending left S1 nerve root.",
         "matches"),
        (S1_LEFT, "L4-5: Left paracentral protrusion.", "does not match"),
        (S1_LEFT, "L5-S1: Right paracentral protrusion.", "partly matches"),
        (S1_LEFT, "L5-S1: Left paracentral disc bulge.", "partly matches"),
        (S1_LEFT, "L5-S1: Small central protrusion without nerve root compression.",
         "partly matches"),
        (S1_LEFT, "L4-5: Diffuse disc bulge.", "does not match"),
        (L5_RIGHT, "L5-S1: Right foraminal protrusion.", "matches"),
        (NO_LEANING, "L5-S1: Right paracentral protrusion.", "cannot tell"),
        (S1_LEFT, "Incidental renal cyst.", "cannot tell"),
    ],
)  # fmt: skip
def test_verdict(example: str, text: str, verdict: str) -> None:
    fit = compare(read_report(text), assessment(example), age=45)
    assert fit.verdict == verdict, fit.reasons


def test_reasons_name_the_roots_and_the_side() -> None:
    fit = compare(read_report("L5-S1: Right paracentral protrusion."), assessment(S1_LEFT), 45)
    assert fit.levels[0].fit == "partly fits"
    assert "right side" in fit.levels[0].reason and "left" in fit.levels[0].reason
    assert fit.report_roots == ("S1",)


def test_the_l4_l5_report_against_an_s1_leg_says_which_root_it_touches() -> None:
    fit = compare(read_report("L4-L5: Left paracentral protrusion."), assessment(S1_LEFT), 45)
    assert fit.levels[0].reason == "It can touch L5, not S1."


@pytest.mark.parametrize(
    ("finding", "age", "table_age", "percent"),
    [("bulge", 40, 40, 50), ("bulge", 47, 40, 50), ("bulge", 58, 50, 60), ("bulge", 85, 80, 84),
     ("bulge", 16, 20, 30), ("protrusion", 30, 30, 31), ("annular fissure", 50, 50, 23),
     ("spondylolisthesis", 66, 60, 23)],
)  # fmt: skip
def test_age_matched_rates_come_from_the_brinjikji_table(
    finding: str, age: int, table_age: int, percent: int
) -> None:
    r = rate(finding, age)
    assert r is not None
    assert (r.table_age, r.percent, r.source) == (table_age, percent, "brinjikji2015")


def test_findings_without_a_published_rate_get_none() -> None:
    assert rate("extrusion", 40) is None
    assert rate("Modic change", 40) is None


def test_rates_follow_the_findings_and_need_an_age() -> None:
    report = read_report("L4-5: Disc bulge. L5-S1: Left paracentral extrusion.")
    with_age = compare(report, assessment(S1_LEFT), age=40)
    assert [(r.finding, r.percent) for r in with_age.age_rates] == [("bulge", 50)]
    assert compare(report, assessment(S1_LEFT), age=None).age_rates == ()


CES_TEXT = "L4/5: Large central disc extrusion with compression of the cauda equina."


def test_cauda_equina_wording_with_matching_symptoms_raises_to_emergency() -> None:
    ces = compare(read_report(CES_TEXT), assessment(CES_SYMPTOMS), 38).cauda_equina
    assert ces.risk and ces.raises_to_emergency
    assert {"bladder_change", "saddle_numbness"} <= set(ces.matching_symptoms)
    assert "emergency" in ces.advice


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        ({"notes": "I wet myself last night"}, "note_bladder_change"),
        (
            {
                "schema": "radiculog/findings@2",
                "days_since_onset": 3,
                "pain": [{"region": "calf", "side": "left"}, {"region": "calf", "side": "right"}],
            },
            "reread_both_legs",
        ),
    ],
)
def test_cauda_equina_symptoms_read_from_notes_or_contradicted_answers_count(
    parts: dict[str, Any], reason: str
) -> None:
    from tests.conftest import findings

    a = assess(findings(**parts)).to_dict()
    ces = compare(read_report(CES_TEXT), a, 38).cauda_equina
    assert ces.raises_to_emergency and reason in ces.matching_symptoms


def test_cauda_equina_wording_alone_says_discuss_promptly_and_does_not_raise() -> None:
    from radiculog.engine.services import current_region, services

    ces = compare(read_report(CES_TEXT), assessment(L5_RIGHT), 41).cauda_equina
    assert ces.risk and not ces.raises_to_emergency
    assert "discuss the report promptly with a clinician" in ces.advice
    # the region's emergency service is named at once, before anything else (issue 21)
    number = services(current_region()).placeholders()["emergency_number"]
    assert f"call {number}" in ces.advice.split(". ")[1]


def test_no_cauda_equina_wording_gives_no_advice() -> None:
    ces = compare(read_report("L4-5: bulge."), assessment(CES_SYMPTOMS), 38).cauda_equina
    assert not ces.risk and not ces.raises_to_emergency and ces.advice == ""


def test_bad_assessment_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="assessment"):
        compare(read_report("L4-5: bulge."), ["not", "a", "dict"], 40)  # type: ignore[arg-type]
