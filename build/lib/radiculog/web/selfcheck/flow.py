"""Between forms and the session state: initial values from the state, and
cleaned form data written back into it. One pair of functions per step kind."""

from __future__ import annotations

from typing import Any

from django import forms as dj_forms

from radiculog.web.selfcheck import forms
from radiculog.web.selfcheck.steps import Step

State = dict[str, Any]


def build_form(step: Step, state: State, data: Any = None) -> dj_forms.Form:
    if step.kind == "questions":
        initial = {q: state["answers"][q] for q in step.items if q in state["answers"]}
        return forms.QuestionsForm(step.items, data, initial=initial)
    if step.kind == "about":
        return forms.AboutForm(data, initial={f: state[f] for f in ("age", "days_since_onset")})
    if step.kind == "map":
        mode = step.items[0]
        if mode == "pain":
            return forms.MapForm(data, initial={"regions": state["pain"]})
        initial = {
            "regions": state["sensory"],
            "kind": state["sensory_kind"],
            "repeatable": state["sensory_repeatable"],
        }
        return forms.FeelingMapForm(data, initial=initial)
    if step.kind == "test":
        return forms.FunctionTestForm(data, initial=_test_initial(state, step.items[0]))
    initial = {f"reflex:{k}": v for k, v in state["reflexes"].items()}
    initial |= {f"provocation:{k}": v for k, v in state["provocation"].items()}
    return forms.ClinicianForm(data, initial=initial)


def apply(step: Step, form: dj_forms.Form, state: State) -> None:
    data = form.cleaned_data
    if step.kind == "questions":
        state["answers"] = {**state["answers"], **{q: data[q] for q in step.items}}
    elif step.kind == "about":
        state["age"], state["days_since_onset"] = data["age"], data["days_since_onset"]
    elif step.kind == "map" and step.items[0] == "pain":
        state["pain"] = list(data["regions"])
    elif step.kind == "map":
        state["sensory"] = list(data["regions"])
        state["sensory_kind"], state["sensory_repeatable"] = data["kind"], data["repeatable"]
    elif step.kind == "test":
        assert isinstance(form, forms.FunctionTestForm)
        sides = {side: form.side_value(side) for side in ("left", "right")}
        state["function"] = {**state["function"], step.items[0]: sides}
    else:
        state["reflexes"] = _prefixed(data, "reflex:")
        state["provocation"] = _prefixed(data, "provocation:")


def _test_initial(state: State, test_id: str) -> dict[str, Any]:
    saved = state["function"].get(test_id, {})
    initial: dict[str, Any] = {}
    for side in ("left", "right"):
        value = saved.get(side)
        if isinstance(value, int):
            initial[f"{side}_reps"] = value
        elif value:
            initial[f"{side}_choice"] = value
    return initial


def _prefixed(data: dict[str, Any], prefix: str) -> dict[str, str]:
    return {k.removeprefix(prefix): v for k, v in data.items() if k.startswith(prefix) and v}
