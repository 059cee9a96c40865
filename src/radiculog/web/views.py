"""Site-wide pages that belong to no single app."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from radiculog.engine.knowledge import load_knowledge
from radiculog.web.selfcheck import alarms, wording


def home(request: HttpRequest) -> HttpResponse:
    advice = load_knowledge().tiers["emergency"]
    signs = [wording.short(q) for q in alarms.go_now_signs()]  # the result's own "go now" list
    return render(request, "home.html", {"emergency_do": gettext(advice.do), "go_now": signs})


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For the proxy or load balancer: 200 when this process can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})
