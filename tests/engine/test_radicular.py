"""The four-question nerve-root checklist (engine/radicular.py): an unanswered item
is filled in from the body map or the function tests only as yes, never as no, and
an answer (yes or no) is never overridden (hazard H3)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from radiculog.contract.parse import parse_findings
from radiculog.engine.findings import NO, UNANSWERED, YES
from radiculog.engine.knowledge import load_knowledge
from radiculog.engine.radicular import checklist
from tests.engine.test_properties import findings_docs

K = load_knowledge()
RULE = K.method["radicular"]
QUESTIONS: list[str] = list(RULE["questions"])
BELOW_KNEE = next(r for r, region in K.regions.items() if region.level >= 4 and r != "saddle")
ABOVE_KNEE = next(r for r, region in K.regions.items() if region.level < 4 and r != "saddle")
# Findings that fill each checklist item in as yes when it is unanswered.
FILLING: dict[str, Any] = {
    "pain": [{"region": BELOW_KNEE, "side": "left"}],
    "sensory": [{"region": "dorsum_foot", "side": "left", "repeatable": True}],
    "function": [{"test": "toe_lift", "left": 3, "right": 10}],
}


def run(answers: dict[str, bool], **parts: Any) -> dict[str, tuple[Any, str]]:
    doc = {"schema": "radiculog/findings@1", "answers": answers, **parts}
    result = checklist(parse_findings(doc), K)
    return {item.id: (item.answer, item.source) for item in result.items}


def test_the_checklist_is_the_knowledge_files_four_questions() -> None:
    assert QUESTIONS == [
        "pain_below_knee",
        "numbness_repeatable",
        "one_side_weaker",
        "worse_with_cough_sneeze_sitting",
    ]


def test_unanswered_items_are_filled_in_as_yes_from_other_findings() -> None:
    items = run({}, **FILLING)
    assert items["pain_below_knee"] == (YES, "body map")
    assert items["numbness_repeatable"] == (YES, "body map")
    assert items["one_side_weaker"] == (YES, "function tests")
    # Nothing else can tell whether coughing or sitting makes it worse.
    assert items["worse_with_cough_sneeze_sitting"] == (UNANSWERED, "answer")


def test_nothing_is_filled_in_as_no() -> None:
    """Pain above the knee, a changed feeling not repeatable and equal sides say
    nothing against the items: they stay unanswered, never no."""
    items = run(
        {},
        pain=[{"region": ABOVE_KNEE, "side": "left"}],
        sensory=[{"region": "dorsum_foot", "side": "left", "repeatable": False}],
        function=[{"test": "toe_lift", "left": 10, "right": 10}],
    )
    assert {answer for answer, _ in items.values()} == {UNANSWERED}


def test_an_answer_is_never_overridden_by_other_findings() -> None:
    said_no = run(dict.fromkeys(QUESTIONS, False), **FILLING)
    assert said_no == {q: (NO, "answer") for q in QUESTIONS}
    said_yes = run(dict.fromkeys(QUESTIONS, True))  # nothing on the map or tests
    assert said_yes == {q: (YES, "answer") for q in QUESTIONS}


def test_likely_from_the_knowledge_files_count_of_yes() -> None:
    likely_at = RULE["likely_at"]
    answers = {q: i < likely_at for i, q in enumerate(QUESTIONS)}
    doc = {"schema": "radiculog/findings@1", "answers": answers}
    assert checklist(parse_findings(doc), K).likely
    answers = {q: i < likely_at - 1 for i, q in enumerate(QUESTIONS)}
    doc = {"schema": "radiculog/findings@1", "answers": answers}
    result = checklist(parse_findings(doc), K)
    assert not result.likely and result.yes_count == likely_at - 1


@settings(max_examples=300, deadline=None)
@given(findings_docs(), st.dictionaries(st.sampled_from(QUESTIONS), st.booleans()))
def test_filling_in_only_adds_yes_and_never_touches_an_answer(
    doc: dict[str, Any], checklist_answers: dict[str, bool]
) -> None:
    """Over generated findings: every item given is kept as given; an item not given
    is unanswered or yes (from the map or the tests), never no; and the findings
    can only raise the yes count over the answers alone."""
    doc = {**doc, "answers": {**doc["answers"], **checklist_answers}}
    findings = parse_findings(doc)
    bare = parse_findings({"schema": doc["schema"], "answers": doc["answers"]})
    result = checklist(findings, K)
    for item in result.items:
        given_answer = findings.answers.get(item.id, UNANSWERED)
        if given_answer is not UNANSWERED:
            assert (item.answer, item.source) == (given_answer, "answer")
        else:
            assert item.answer in (YES, UNANSWERED)
            assert (item.source == "answer") == (item.answer is UNANSWERED)
    assert result.yes_count >= checklist(bare, K).yes_count
    assert result.yes_count == sum(item.answer is YES for item in result.items)
