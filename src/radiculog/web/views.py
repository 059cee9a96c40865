"""Site-wide pages that belong to no single app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from radiculog.engine.knowledge import load_knowledge


def home(request: HttpRequest) -> HttpResponse:
    advice = load_knowledge().tiers["emergency"]
    return render(request, "home.html", {"emergency_do": gettext(advice.do)})
