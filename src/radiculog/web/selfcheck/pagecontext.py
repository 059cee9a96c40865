"""What each kind of step page's template needs beyond the form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.forms import BoundField, Form
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext

from radiculog.web.selfcheck import alarms, bodymap, wording
from radiculog.web.selfcheck.flow import SHORTCUT
from radiculog.web.selfcheck.result import assess_state
from radiculog.web.selfcheck.steps import SAFETY_TOPICS, TEST_ORDER, Step, section_of, step_before
from radiculog.web.selfcheck.suggest import suggested_tests
from radiculog.web.selfcheck.testforms import SIDES


def step_context(current: Step, state: dict[str, Any], form: Form) -> dict[str, Any]:
    previous = step_before(current.slug)
    if previous:
        back = reverse("selfcheck:step", args=[previous.slug])
    elif current in SAFETY_TOPICS:
        back = reverse("selfcheck:start")
    else:
        back = reverse("selfcheck:result")
    context: dict[str, Any] = {
        "step": current,
        "form": form,
        "section": section_of(current.slug),
        "back_url": back,
        "first": current == SAFETY_TOPICS[0],
        "last_safety": current == SAFETY_TOPICS[-1],
        "errors": error_list(form),
    }
    extra = _EXTRA.get(current.kind)
    return context | (extra(current, state, form) if extra else {})


def error_list(form: Form) -> list[dict[str, str]]:
    """Each error with the question it is about and the anchor of that question."""
    rows = []
    for field in form:
        for error in field.errors:
            label = _question_words(field)
            rows.append({"anchor": field_anchor(field), "question": label, "error": str(error)})
    return rows


def field_anchor(field: BoundField) -> str:
    return f"{field.name.replace(':', '')}-field"


def _question_words(field: BoundField) -> str:
    """A strength-test count is named by its test and leg, not "how many done well"."""
    test, _, rest = field.name.partition(":")
    if test in TEST_ORDER:
        side = gettext("your left leg") if rest.startswith("left") else gettext("your right leg")
        return f"{wording.home_test(test).name}, {side}:"
    if field.name in wording.knowledge().questions:  # the short form keeps the list scannable
        return f"{capfirst(wording.short(field.name))}:"
    return str(field.label or "")


def _questions(current: Step, state: dict[str, Any], form: Form) -> dict[str, Any]:
    fills = [q for q in current.items if alarms.shortcut_fills(q)]
    items = [
        {
            "field": form[q],
            "alarm": alarms.tier_if_alarming(q),
            "when": "no" if alarms.alarming_answer(q) is False else "yes",
        }
        for q in current.items
    ]
    return {"items": items, "shortcut": SHORTCUT, "shortcut_all": len(fills) == len(items)}


def _map(current: Step, state: dict[str, Any], form: Form) -> dict[str, Any]:
    views = [bodymap.view_context(v) for v in bodymap.SHAPES]
    return {"mode": current.items[0], "views": views, "selected": form["regions"].value() or []}


@dataclass(frozen=True)
class TestBlock:
    t: wording.HomeTestWords
    sides: list[tuple[str, BoundField, BoundField, bool]]  # words, reps, choice, counted
    filled: bool
    errors: bool


def _test_block(test: str, form: Form) -> TestBlock:
    words = {"left": gettext("Your left leg"), "right": gettext("Your right leg")}
    sides = []
    for s in SIDES:
        reps, choice = form[f"{test}:{s}_reps"], form[f"{test}:{s}_choice"]
        sides.append((words[s], reps, choice, reps.value() not in (None, "")))
    return TestBlock(
        t=wording.home_test(test),
        sides=sides,
        filled=any(counted or choice.value() for _, _, choice, counted in sides),
        errors=any(reps.errors for _, reps, _, _ in sides),
    )


# Under 16 the home tests' adult norms do not apply (NICE NG59 covers over-16s): the page
# offers no strength tests and says a clinician should examine instead (rule age_under_16).
CHILD_BELOW = 16


def _tests(current: Step, state: dict[str, Any], form: Form) -> dict[str, Any]:
    child = state.get("age") is not None and state["age"] < CHILD_BELOW
    suggested = [] if child else suggested_tests(assess_state(state))
    others = [] if child else [_test_block(t, form) for t in TEST_ORDER if t not in suggested]
    rows = []
    for name in form.fields:
        if name.startswith(("reflex:", "provocation:")) and name.endswith(":left"):
            right = name.removesuffix(":left") + ":right"
            fields = list(zip(("left", "right"), (form[name], form[right]), strict=True))
            rows.append({"label": form.fields[name].label, "fields": fields})
    clinician = [n for n in form.fields if n.startswith(("reflex:", "provocation:"))]
    return {
        "suggested": [_test_block(t, form) for t in suggested],
        "others": others,
        "others_open": any(b.filled or b.errors for b in others),
        "rows": rows,
        "opened": child or any(form[n].value() for n in clinician),
        "child": child,
    }


_EXTRA = {"questions": _questions, "map": _map, "tests": _tests}
