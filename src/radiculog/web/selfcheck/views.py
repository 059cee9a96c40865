"""The guided self-check: a few questions per page, answers kept in the session.

Every submitted page is read by the engine before anything else: an answer that
makes the result an emergency goes straight to the emergency page, and one that
first makes it urgent goes to the call-today page, whatever else on the page is
still blank. Only then are missing answers shown as errors.
"""

from __future__ import annotations

import json

from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from radiculog.web.selfcheck import alarms, session
from radiculog.web.selfcheck.flow import apply, apply_answers, build_form, with_shortcut
from radiculog.web.selfcheck.pagecontext import step_context
from radiculog.web.selfcheck.result import assess_state, emergency_context, result_context
from radiculog.web.selfcheck.steps import BY_SLUG, STEPS, Step, step_after


def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = BY_SLUG.get(slug)
    if current is None:
        raise Http404
    state = session.load(request)
    if request.method == "POST":
        return _submit(request, current, state)
    return _render(request, current, state, build_form(current, state))


def _submit(request: HttpRequest, current: Step, state: dict[str, object]) -> HttpResponse:
    before = assess_state(state)["urgency"]["tier"]
    form = build_form(current, state, with_shortcut(current, request.POST))
    valid = form.is_valid()
    if valid:
        apply(current, form, state)
        session.save(request, state, current.slug)
    elif current.kind in ("questions", "symptoms") and apply_answers(current, form, state):
        session.save(request, state)  # the answers given so far, blanks stay blank
    after = assess_state(state)["urgency"]["tier"]
    if after == "emergency":
        return redirect("selfcheck:emergency")
    following = step_after(current.slug)
    onward = (following.slug if following else "result") if valid else current.slug
    if after == "urgent" and alarms.RANK[before] < alarms.RANK["urgent"]:
        return redirect(f"{reverse('selfcheck:urgent')}?next={onward}")
    if not valid:
        return _render(request, current, state, form, status=400)
    return redirect(_onward_url(onward))


def _onward_url(onward: str) -> str:
    if onward in BY_SLUG:
        return reverse("selfcheck:step", args=[onward])
    return reverse("selfcheck:result")


def _render(
    request: HttpRequest, current: Step, state: dict[str, object], form: Form, status: int = 200
) -> HttpResponse:
    context = step_context(current, state, form)
    return render(request, f"selfcheck/step_{current.kind}.html", context, status=status)


def emergency(request: HttpRequest) -> HttpResponse:
    state = session.load(request)
    a = assess_state(state)
    if a["urgency"]["tier"] != "emergency":
        return redirect("selfcheck:result" if session.has_state(request) else "selfcheck:start")
    return render(request, "selfcheck/emergency.html", emergency_context(state, a))


def urgent(request: HttpRequest) -> HttpResponse:
    """Call today, said the moment an answer means it; going on is the person's choice."""
    state = session.load(request)
    a = assess_state(state)
    if a["urgency"]["tier"] != "urgent":
        return redirect("selfcheck:result" if session.has_state(request) else "selfcheck:start")
    context = emergency_context(state, a, tier="urgent")
    context["onward_url"] = _onward_url(request.GET.get("next", ""))
    return render(request, "selfcheck/urgent.html", context)


def result(request: HttpRequest) -> HttpResponse:
    if not session.has_state(request):
        return redirect("selfcheck:start")
    state = session.load(request)
    return render(request, "selfcheck/result.html", result_context(state, assess_state(state)))


def findings_download(request: HttpRequest) -> HttpResponse:
    """The person's own answers as a findings file, only when they ask for it."""
    document = session.findings_from_session(request)
    response = HttpResponse(json.dumps(document, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="radiculog-findings.json"'
    return response


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    session.forget(request)
    return redirect("selfcheck:step", STEPS[0].slug)
