"""The self-check's answers, kept server-side in the Django session.

Nothing about an anonymous check is written anywhere else. The session holds
plain JSON (see `blank_state`); `findings_from_session` turns it into the
findings document the engine reads: findings@1, or findings@2 when an answer to
one of its questions (such as toes catching) is in it. "Not sure" answers are kept only so the
form can show them again: in the findings they are absent, i.e. unanswered.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from radiculog.engine.knowledge import load_knowledge

KEY = "selfcheck"
SCHEMA = "radiculog/findings@1"
SCHEMA_2 = "radiculog/findings@2"
SIDES = ("left", "right")


def blank_state() -> dict[str, Any]:
    return {
        "answers": {},  # question id -> "yes" | "no" | "unsure"
        "age": None,
        "days_since_onset": None,
        "pain": [],  # region keys: "left:calf", "saddle"
        "sensory": [],
        "sensory_kind": "",  # numb | tingling | "" (not said)
        "sensory_repeatable": "",  # yes | no | unsure | ""
        "function": {},  # test id -> {"left": 10 | "weaker" ..., "right": ...}
        "reflexes": {},  # "knee:left" -> normal | reduced | absent | brisk
        "provocation": {},  # "straight_leg_raise:left" -> positive | negative
        "done": [],  # step slugs submitted at least once
    }


def has_state(request: HttpRequest) -> bool:
    return KEY in request.session


def load(request: HttpRequest) -> dict[str, Any]:
    state = blank_state()
    state.update(request.session.get(KEY, {}))
    return state


def save(request: HttpRequest, state: dict[str, Any], step_slug: str | None = None) -> None:
    if step_slug and step_slug not in state["done"]:
        state["done"] = [*state["done"], step_slug]
    request.session[KEY] = state


def forget(request: HttpRequest) -> None:
    request.session.pop(KEY, None)


def region_entry(key: str) -> dict[str, Any]:
    """'left:calf' -> {"region": "calf", "side": "left"}; 'saddle' has no side."""
    side, _, region = key.partition(":")
    return {"region": region, "side": side} if region else {"region": key}


def schema_for(answers: dict[str, bool]) -> str:
    """findings@2 only when an answer needs it, so existing findings@1 readers keep working."""
    questions = load_knowledge().questions
    return SCHEMA_2 if any(questions[q].since > 1 for q in answers) else SCHEMA


def findings_from_state(state: dict[str, Any]) -> dict[str, Any]:
    answers = {q: a == "yes" for q, a in state["answers"].items() if a in ("yes", "no")}
    doc: dict[str, Any] = {"schema": schema_for(answers)}
    if answers:
        doc["answers"] = answers
    for field in ("age", "days_since_onset"):
        if state[field] is not None:
            doc[field] = state[field]
    if state["pain"]:
        doc["pain"] = [region_entry(k) for k in state["pain"]]
    if state["sensory"]:
        doc["sensory"] = [_sensory(k, state) for k in state["sensory"]]
    function = [
        {"test": test, **{s: v[s] for s in SIDES if v.get(s) not in (None, "")}}
        for test, v in state["function"].items()
    ]
    if any(len(item) > 1 for item in function):
        doc["function"] = [item for item in function if len(item) > 1]
    reflexes = [_sided("reflex", k, "result", v) for k, v in state["reflexes"].items() if v]
    if reflexes:
        doc["reflexes"] = reflexes
    provocation = [_sided("test", k, "result", v) for k, v in state["provocation"].items() if v]
    if provocation:
        doc["provocation"] = provocation
    return doc


def findings_from_session(request: HttpRequest) -> dict[str, Any]:
    """The findings document built from this session's self-check answers."""
    return findings_from_state(load(request))


def _sensory(key: str, state: dict[str, Any]) -> dict[str, Any]:
    entry = region_entry(key)
    if state["sensory_kind"] in ("numb", "tingling"):
        entry["kind"] = state["sensory_kind"]
    if state["sensory_repeatable"] in ("yes", "no"):
        entry["repeatable"] = state["sensory_repeatable"] == "yes"
    return entry


def _sided(name_field: str, key: str, value_field: str, value: str) -> dict[str, str]:
    name, _, side = key.partition(":")
    return {name_field: name, "side": side, value_field: value}
