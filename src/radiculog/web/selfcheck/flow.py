"""Between forms and the session state: initial values from the state, and
cleaned form data written back into it. One pair of functions per step kind."""

from __future__ import annotations

from typing import Any

from django import forms as dj_forms
from django.http import QueryDict

from radiculog.web.selfcheck import alarms, forms
from radiculog.web.selfcheck.steps import Step
from radiculog.web.selfcheck.testforms import SIDES, TestsForm

State = dict[str, Any]
SHORTCUT = "none-of-these"  # the name of the "No to all of these" button


def build_form(step: Step, state: State, data: Any = None) -> dj_forms.Form:
    if step.kind in ("questions", "symptoms"):
        initial = {q: state["answers"][q] for q in step.items if q in state["answers"]}
        if step.kind == "questions":
            return forms.QuestionsForm(step.items, data, initial=initial)
        initial |= {f: state[f] for f in ("age", "days_since_onset")}
        return forms.SymptomsForm(step.items, data, initial=initial)
    if step.kind == "map":
        if step.items[0] == "pain":
            return forms.MapForm(data, initial={"regions": state["pain"]})
        initial = {
            "regions": state["sensory"],
            "kind": state["sensory_kind"],
            "repeatable": state["sensory_repeatable"],
        }
        return forms.FeelingMapForm(data, initial=initial)
    initial = _tests_initial(state)
    initial |= {f"reflex:{k}": v for k, v in state["reflexes"].items()}
    initial |= {f"provocation:{k}": v for k, v in state["provocation"].items()}
    return TestsForm(data, initial=initial)


def with_shortcut(step: Step, post: QueryDict) -> QueryDict:
    """ "No to all of these" answers no to each question left blank where no is
    reassuring. A yes or "not sure" the person chose is kept, so a yes still acts."""
    if SHORTCUT not in post or step.kind != "questions":
        return post
    data = post.copy()
    for qid in step.items:
        if not data.get(qid) and alarms.shortcut_fills(qid):
            data[qid] = "no"
    return data


def apply(step: Step, form: dj_forms.Form, state: State) -> None:
    data = form.cleaned_data
    if step.kind in ("questions", "symptoms"):
        apply_answers(step, form, state)
        if step.kind == "symptoms":
            state["age"], state["days_since_onset"] = data["age"], data["days_since_onset"]
    elif step.kind == "map" and step.items[0] == "pain":
        state["pain"] = list(data["regions"])
    elif step.kind == "map":
        state["sensory"] = list(data["regions"])
        state["sensory_kind"], state["sensory_repeatable"] = data["kind"], data["repeatable"]
    else:
        assert isinstance(form, TestsForm)
        state["function"] = form.function()
        state["reflexes"] = form.clinician("reflex:")
        state["provocation"] = form.clinician("provocation:")


def apply_answers(step: Step, form: dj_forms.Form, state: State) -> bool:
    """Keep every question answered on this page, even when others are still blank,
    so that a yes is acted on at once. Blank stays unanswered. True if any changed."""
    given = {q: form.cleaned_data[q] for q in step.items if form.cleaned_data.get(q)}
    changed = any(state["answers"].get(q) != a for q, a in given.items())
    state["answers"] = {**state["answers"], **given}
    return changed


def _tests_initial(state: State) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for test, saved in state["function"].items():
        for side in SIDES:
            value = saved.get(side)
            if isinstance(value, int):
                initial[f"{test}:{side}_reps"] = value
            elif value:
                initial[f"{test}:{side}_choice"] = value
    return initial
