"""The project's own error pages: 400, 403 (also a failed CSRF check), 404, 413, 500
and 503, with the same headers as every page (the middleware adds them on the way
out), and under /api/ a JSON problem document (RFC 9457) instead of HTML.

A database that cannot be reached or written (SQLite's lock held past its timeout, a
full disk, PostgreSQL restarting or a cut connection) is a 503 with Retry-After, not a
500: the person is told that nothing saved before is lost. The pages are rendered
without the request, so drawing one never touches the database or the session.
"""

from __future__ import annotations

import logging
import sys

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from radiculog.engine.knowledge import load_knowledge

RETRY_AFTER_SECONDS = 10
API_PREFIX = "/api/"
logger = logging.getLogger("radiculog.errors")


def _texts(status: int) -> tuple[str, str]:
    if status == 400:
        return _("That request could not be read"), _(
            "Something in what was sent is not right. Go back and try again."
        )
    if status == 403:
        return _("This page is not yours to open"), _(
            "If you were filling in a form, reload the page and send it again."
        )
    if status == 404:
        return _("Page not found"), _("There is no page at this address.")
    if status == 413:
        return _("That is too large"), _(
            "What you sent is larger than Radiculog accepts. Send a smaller file or shorter text."
        )
    if status == 503:
        return _("Radiculog cannot save right now"), _(
            "The database is busy or restarting, so this could not be done. Try again in a minute."
        )
    return _("Something went wrong on our side"), _(
        "Radiculog could not finish that. Try again in a moment."
    )


def error_response(request: HttpRequest, status: int) -> HttpResponse:
    title, message = _texts(status)
    if request.path.startswith(API_PREFIX):
        problem = {"type": "about:blank", "title": title, "status": status, "detail": message}
        response: HttpResponse = JsonResponse(
            problem, status=status, content_type="application/problem+json"
        )
    else:
        context = {"title": title, "message": message, "unavailable": status == 503}
        if status >= 500:  # whatever failed, the way to urgent help stays on the page
            context["emergency_do"] = _(load_knowledge().tiers["emergency"].do)
        response = HttpResponse(render_to_string("errors/error.html", context), status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Django's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE, ..._NUMBER_FIELDS) arrive here.
    return error_response(request, 413 if isinstance(exception, RequestDataTooBig) else 400)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_response(request, 403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 when the database could not be reached or written."""
    error = sys.exc_info()[1]
    if database_unavailable(error):
        logger.warning("database unavailable: %s", error)
        return error_response(request, 503)
    return error_response(request, 500)


def database_unavailable(error: BaseException | None) -> bool:
    """Locked, full, down or disconnected: a state that passes, not a defect."""
    return isinstance(error, OperationalError | InterfaceError)
