"""Information pages: start, fast triage picture, red flags, home tests, FAQ."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from radiculog.web.selfcheck import bodymap, session, wording
from radiculog.web.selfcheck.steps import STEPS, TEST_ORDER


def start(request: HttpRequest) -> HttpResponse:
    state = session.load(request) if session.has_state(request) else None
    resume = None
    if state is not None:
        resume = next((s.slug for s in STEPS if s.slug not in state["done"]), None)
    return render(
        request,
        "selfcheck/start.html",
        {"has_state": state is not None, "resume": resume, "first": STEPS[0].slug},
    )


def triage(request: HttpRequest) -> HttpResponse:
    views = []
    for view in bodymap.SHAPES:
        context = bodymap.view_context(view)
        context["marks"] = [{"shape": s} for s in bodymap.shapes(view)]
        views.append(context)
    return render(request, "selfcheck/triage.html", {"views": views})


def red_flags(request: HttpRequest) -> HttpResponse:
    k = wording.knowledge()
    by_tier: dict[str, list[str]] = {"emergency": [], "urgent": [], "soon": []}
    for rule in k.rules:
        if rule.tier not in by_tier or rule.when_facts:
            continue  # facts (marked saddle, weaker test) are covered by the questions' pages
        said = [wording.short(q) for q in sorted(rule.when_yes)]
        said += [
            gettext("not: %(item)s") % {"item": wording.short(q)} for q in sorted(rule.when_no)
        ]
        if said:
            by_tier[rule.tier].append(" + ".join(said))
    tiers = [(tier, k.tiers[tier], items) for tier, items in by_tier.items()]
    return render(request, "selfcheck/red_flags.html", {"tiers": tiers})


def tests(request: HttpRequest) -> HttpResponse:
    return render(
        request, "selfcheck/tests.html", {"tests": [wording.home_test(t) for t in TEST_ORDER]}
    )


def test_detail(request: HttpRequest, test_id: str) -> HttpResponse:
    if test_id not in TEST_ORDER:
        raise Http404
    return render(request, "selfcheck/test_detail.html", {"t": wording.home_test(test_id)})


def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/faq.html")
