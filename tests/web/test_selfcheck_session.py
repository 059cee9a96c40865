"""Session answers -> findings@1 (findings@2 when a findings@2 question is answered):
unsure is unanswered, and the document is always valid against its schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.web.selfcheck import bodymap
from radiculog.web.selfcheck.session import blank_state, findings_from_state, region_entry
from radiculog.web.selfcheck.steps import STEPS, TEST_ORDER

SCHEMAS = {
    f"radiculog/findings@{v}": json.loads(
        resources.files("radiculog.contract").joinpath(f"schemas/{name}.schema.json").read_text()
    )
    for v, name in ((1, "findings"), (2, "findings2"))
}
SINCE_2 = {q.id for q in radiculog.load_knowledge().questions.values() if q.since == 2}
QUESTIONS = [q for s in STEPS if s.kind in ("questions", "symptoms") for q in s.items]
TESTS = list(TEST_ORDER)
side_value = st.one_of(
    st.none(), st.integers(0, 200), st.sampled_from(["normal", "weaker", "unable"])
)


def test_not_sure_is_left_out_and_never_read_as_no():
    state = blank_state() | {
        "answers": {"bladder_change": "unsure", "fever": "no", "both_legs": "yes"}
    }
    doc = findings_from_state(state)
    assert doc["answers"] == {"fever": False, "both_legs": True}
    assert "bladder_change" in radiculog.assess(doc).to_dict()["urgency"]["missing"]


def test_an_empty_check_is_a_bare_document():
    assert findings_from_state(blank_state()) == {"schema": "radiculog/findings@1"}


def test_an_answer_to_a_findings2_question_makes_a_findings2_document():
    state = blank_state() | {"answers": {"toes_catching": "no", "fever": "no"}}
    doc = findings_from_state(state)
    assert doc == {
        "schema": "radiculog/findings@2",
        "answers": {"toes_catching": False, "fever": False},
    }
    unsure = blank_state() | {"answers": {"toes_catching": "unsure"}}
    assert findings_from_state(unsure)["schema"] == "radiculog/findings@1"


def test_region_keys_become_contract_entries():
    assert region_entry("left:calf") == {"region": "calf", "side": "left"}
    assert region_entry("saddle") == {"region": "saddle"}


def test_sensory_kind_and_repeatable_apply_only_when_said():
    state = blank_state() | {
        "sensory": ["right:sole"],
        "sensory_kind": "",
        "sensory_repeatable": "yes",
    }
    assert findings_from_state(state)["sensory"] == [
        {"region": "sole", "side": "right", "repeatable": True}
    ]


@st.composite
def states(draw: st.DrawFn) -> dict:
    state = blank_state()
    state["answers"] = draw(
        st.dictionaries(st.sampled_from(QUESTIONS), st.sampled_from(["yes", "no", "unsure"]))
    )
    state["age"] = draw(st.one_of(st.none(), st.integers(0, 130)))
    state["pain"] = draw(st.lists(st.sampled_from(bodymap.ALL_KEYS), unique=True, max_size=8))
    state["sensory"] = draw(st.lists(st.sampled_from(bodymap.ALL_KEYS), unique=True, max_size=5))
    state["sensory_kind"] = draw(st.sampled_from(["", "numb", "tingling"]))
    state["sensory_repeatable"] = draw(st.sampled_from(["", "yes", "no", "unsure"]))
    state["function"] = draw(
        st.dictionaries(
            st.sampled_from(TESTS), st.fixed_dictionaries({"left": side_value, "right": side_value})
        )
    )
    return state


@settings(max_examples=150, deadline=None)
@given(states())
def test_any_session_gives_a_valid_document_the_engine_accepts(state):
    doc = findings_from_state(state)
    jsonschema.validate(doc, SCHEMAS[doc["schema"]])
    answered = {q for q, a in state["answers"].items() if a != "unsure"}
    assert (doc["schema"] == "radiculog/findings@2") == bool(answered & SINCE_2)
    unsure = {q for q, a in state["answers"].items() if a == "unsure"}
    assert unsure.isdisjoint(doc.get("answers", {}))
    tier = radiculog.assess(doc).to_dict()["urgency"]["tier"]
    if unsure & set(radiculog.load_knowledge().safety_questions()):
        assert tier != "watchful"


@pytest.mark.parametrize("value", [0, 7, "weaker"])
def test_one_sided_function_results_keep_only_that_side(value):
    state = blank_state() | {"function": {"toe_lift": {"left": value, "right": None}}}
    assert findings_from_state(state)["function"] == [{"test": "toe_lift", "left": value}]
