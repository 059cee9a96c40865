"""Information pages: start, fast triage picture, red flags, home tests, FAQ."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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
        if rule.tier in by_tier and rule.when_yes and not rule.when_facts:
            by_tier[rule.tier].append(" + ".join(wording.short(q) for q in sorted(rule.when_yes)))
    tiers = [(tier, k.tiers[tier], items) for tier, items in by_tier.items()]
    return render(request, "selfcheck/red_flags.html", {"tiers": tiers})


def tests(request: HttpRequest) -> HttpResponse:
    return render(
        request, "selfcheck/tests.html", {"tests": [wording.home_test(t) for t in TEST_ORDER]}
    )


def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/faq.html")
