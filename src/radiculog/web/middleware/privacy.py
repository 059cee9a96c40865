"""No browser or shared cache keeps a page: every answer Django makes may carry
health data (the log, the report, its PDF, exports, the API, share pages), so all
of them say `Cache-Control: no-store`. Static files are answered by WhiteNoise
before this middleware and keep their long cache lifetime.

A share link's pages also ask search engines not to index them and browsers not
to send the link (which is the key to the report) onward as a referrer.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

SHARE_PREFIX = "/report/shared/"


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers["Cache-Control"] = "no-store"
        if request.path.startswith(SHARE_PREFIX):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
            response.headers["Referrer-Policy"] = "no-referrer"
        return response
