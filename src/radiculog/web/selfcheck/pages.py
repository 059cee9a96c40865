"""Information pages: start, fast triage picture, red flags, home tests, FAQ."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def start(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/start.html")


def triage(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/triage.html")


def red_flags(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/red_flags.html")


def tests(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/tests.html")


def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "selfcheck/faq.html")
