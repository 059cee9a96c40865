"""The guided self-check: one step per page, answers kept in the session."""

from __future__ import annotations

import json

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from radiculog.web.selfcheck import bodymap, session, wording
from radiculog.web.selfcheck.flow import apply, build_form
from radiculog.web.selfcheck.result import assess_state, emergency_context, result_context
from radiculog.web.selfcheck.steps import (
    BY_SLUG,
    STEPS,
    Step,
    section_of,
    step_after,
    step_before,
)


def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = BY_SLUG.get(slug)
    if current is None:
        raise Http404
    state = session.load(request)
    form = build_form(current, state, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        apply(current, form, state)
        session.save(request, state, slug)
        # The engine decides what is an emergency, so the pages and the API agree.
        if assess_state(state)["urgency"]["tier"] == "emergency":
            return redirect("selfcheck:emergency")
        following = step_after(slug)
        return (
            redirect("selfcheck:step", following.slug)
            if following
            else redirect("selfcheck:result")
        )
    previous = step_before(slug)
    context = {
        "step": current,
        "form": form,
        "number": STEPS.index(current) + 1,
        "total": len(STEPS),
        "section": section_of(slug),
        "back_url": reverse("selfcheck:step", args=[previous.slug])
        if previous
        else reverse("selfcheck:start"),
        "last": step_after(slug) is None,
    }
    context |= _extra(current, form)
    return render(
        request, f"selfcheck/step_{current.kind}.html", context, status=400 if form.errors else 200
    )


def _extra(current: Step, form: Form) -> dict[str, object]:
    """What each kind of step's template needs beyond the form."""
    if current.kind == "map":
        views = [bodymap.view_context(v) for v in bodymap.SHAPES]
        return {"mode": current.items[0], "views": views, "selected": form["regions"].value() or []}
    if current.kind == "test":
        following = step_after(current.slug)
        skip = following.slug if following else None
        return {
            "test": wording.home_test(current.items[0]),
            "sides": [
                (side, form[f"{side}_reps"], form[f"{side}_choice"], _counted(form, side))
                for side in ("left", "right")
            ],
            "skip_url": reverse("selfcheck:step", args=[skip])
            if skip
            else reverse("selfcheck:result"),
        }
    if current.kind == "clinician":
        sides = (gettext("left"), gettext("right"))
        rows = []
        for name in form.fields:
            if name.endswith(":left"):
                right = name.removesuffix(":left") + ":right"
                rows.append(
                    {
                        "label": form.fields[name].label,
                        "fields": list(zip(sides, (form[name], form[right]), strict=True)),
                    }
                )
        opened = any(form[name].value() for name in form.fields)
        return {"rows": rows, "opened": opened}
    return {}


def _counted(form: Form, side: str) -> bool:
    return form[f"{side}_reps"].value() not in (None, "")


def emergency(request: HttpRequest) -> HttpResponse:
    state = session.load(request)
    a = assess_state(state)
    if a["urgency"]["tier"] != "emergency":
        return redirect("selfcheck:result" if session.has_state(request) else "selfcheck:start")
    return render(request, "selfcheck/emergency.html", emergency_context(state, a))


def result(request: HttpRequest) -> HttpResponse:
    if not session.has_state(request):
        return redirect("selfcheck:start")
    state = session.load(request)
    a = assess_state(state)
    context = result_context(state, a)
    try:
        context["log_url"] = reverse("symptomlog:start")
    except NoReverseMatch:  # the symptom-log app is optional
        context["log_url"] = None
    return render(request, "selfcheck/result.html", context)


def findings_download(request: HttpRequest) -> HttpResponse:
    """The person's own answers as a findings@1 file, only when they ask for it."""
    document = session.findings_from_session(request)
    response = HttpResponse(json.dumps(document, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="radiculog-findings.json"'
    return response


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    session.forget(request)
    return redirect("selfcheck:step", STEPS[0].slug)
