"""Consistency properties (issue 18, classes 3 and 6): an answer contradicted by the body
map, the onset, the strength tests or another answer, and anything the person writes,
never lower the tier below the more urgent reading. The earlier properties
(test_properties.py) run on the same engine and still hold."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.contract.parse import parse_findings
from radiculog.engine import notes, rereading
from radiculog.engine.red_flags import facts
from tests.engine.notes.score import SETS, load
from tests.engine.test_properties import REGIONS, K, findings2_docs, tier_of

# What people write: the labelled notes (warnings, negated warnings, calm notes).
WRITTEN = sorted({n.text for name in SETS for n in load(name)})
NEGATIONS = ["no ", "not ", "never ", "I don't have ", "without ", "not sure if ", "no longer ", ""]
PRINTABLE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
FILLER = st.text(alphabet=PRINTABLE, max_size=40)
NOTE = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(NEGATIONS), st.sampled_from(WRITTEN)).map("".join),
        FILLER,
        st.sampled_from([".", ",", " but ", " and I ", "\n", "!", ": none"]),
    ),
    max_size=8,
).map(" ".join)


def _more_urgent(doc: dict[str, Any], questions: set[str]) -> dict[str, Any]:
    return {**doc, "answers": {**doc["answers"], **dict.fromkeys(questions, True)}}


def _contradicted(doc: dict[str, Any]) -> set[str]:
    findings = parse_findings(doc)
    return {r.question for r in rereading.disagreements(findings, facts(findings, K))}


@st.composite
def contradicted_docs(draw: st.DrawFn) -> dict[str, Any]:
    """Findings with an answer likely to be contradicted: both legs marked, a weak test,
    an onset within 14 days, weakness getting worse."""
    doc = draw(findings2_docs())
    if draw(st.booleans()):
        region = draw(st.sampled_from(REGIONS))
        doc["pain"] = [*doc["pain"], {"region": region, "side": "left"}]
        doc["sensory"] = [*doc["sensory"], {"region": region, "side": "right"}]
    if draw(st.booleans()):
        doc["days_since_onset"] = draw(st.integers(0, 14))
    if draw(st.booleans()):
        doc["function"] = [
            {
                "test": "heel_walk",
                "left": "unable",
                "right": draw(st.sampled_from(["unable", "normal"])),
            }
        ]
    for question in ("weakness_new", "both_legs", "saddle_numbness"):
        if draw(st.booleans()):
            doc["answers"] = {**doc["answers"], question: False}
    return doc


@settings(max_examples=400, deadline=None)
@given(contradicted_docs())
def test_a_contradicted_answer_never_gives_less_than_the_more_urgent_reading(
    doc: dict[str, Any],
) -> None:
    contradicted = _contradicted(doc)
    tier = tier_of(doc)
    for question in contradicted:
        assert tier >= tier_of(_more_urgent(doc, {question})), question
    assert tier >= tier_of(_more_urgent(doc, contradicted))


@settings(max_examples=300, deadline=None)
@given(contradicted_docs(), st.integers(0, 14))
def test_an_onset_within_14_days_never_lowers_the_tier_of_a_contradicted_no(
    doc: dict[str, Any], days: int
) -> None:
    """Moving the onset into the last 14 days may contradict "not new" or "not both
    legs": the tier is then at least as urgent as the answers read as yes."""
    doc["days_since_onset"] = days
    assert tier_of(doc) >= tier_of(_more_urgent(doc, _contradicted(doc)))


@settings(max_examples=300, deadline=None)
@given(contradicted_docs(), st.sampled_from(REGIONS))
def test_marking_the_other_leg_never_lowers_the_tier(doc: dict[str, Any], region: str) -> None:
    before = tier_of(doc)
    sides = {m["side"] for m in doc["pain"] + doc["sensory"]}
    other = "right" if "left" in sides else "left"
    doc["pain"] = [*doc["pain"], {"region": region, "side": other}]
    assert tier_of(doc) >= before


@settings(max_examples=400, deadline=None)
@given(findings2_docs(), NOTE)
def test_adding_any_note_never_lowers_the_tier(doc: dict[str, Any], note: str) -> None:
    before = radiculog.assess(doc).urgency
    with_note = radiculog.assess({**doc, "notes": note[:4000]}).urgency
    assert tier_of({**doc, "notes": note[:4000]}) >= tier_of(doc)
    # Every reason of the answers as given is still there: a note only adds.
    assert {r.id for r in before.reasons} - {"no_warning_signs"} <= {
        r.id for r in with_note.reasons
    }


@settings(max_examples=300, deadline=None)
@given(findings2_docs(), NOTE)
def test_a_note_is_at_least_its_read_questions_answered_yes(doc: dict[str, Any], note: str) -> None:
    doc = {**doc, "notes": note[:4000]}
    read = {s.question for s in notes.read(doc["notes"])}
    assert tier_of(doc) >= tier_of(_more_urgent(doc, read))


@settings(max_examples=200, deadline=None)
@given(NOTE)
def test_a_note_never_answers_no(note: str) -> None:
    """A negated phrase is only not read: no answer is ever set to no, nor a yes
    taken away."""
    for sign in notes.read(note):
        assert sign.question in K.questions
    doc = {"schema": "radiculog/findings@2", "answers": {}, "notes": note[:4000]}
    assert radiculog.assess(doc).findings.answers == {}
