"""A small HTTPS client for the stack tests: cookies, CSRF, no automatic redirects,
trusting only the stack's self-signed certificate. Traffic goes to 127.0.0.1 only."""

from __future__ import annotations

import http.cookiejar
import re
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    def __init__(self, origin: str, cafile: Path) -> None:
        self.origin = origin
        self.cookies = http.cookiejar.CookieJar()
        context = ssl.create_default_context(cafile=str(cafile))
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.cookies),
            _NoRedirect(),
        )

    def request(self, path: str, data: dict[str, str] | None = None, **headers: str) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.origin + path, data=body, headers=headers)
        if body is not None:
            request.add_header("Origin", self.origin)
            request.add_header("Referer", self.origin + path)
        try:
            with self.opener.open(request, timeout=60) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read())

    def get(self, path: str, **headers: str) -> Answer:
        return self.request(path, **headers)

    def submit(self, path: str, fields: dict[str, str]) -> Answer:
        """GET the form (for its CSRF token), then POST it."""
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, f"no CSRF token on {path}"
        return self.request(path, {"csrfmiddlewaretoken": token.group(1), **fields})


def free_ports(count: int) -> list[int]:
    """`count` consecutive free loopback ports (deploy-local numbers apps upward)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        try:
            for port in range(first, first + count):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
        except OSError:
            continue
        return list(range(first, first + count))
    raise RuntimeError("no free ports on loopback")
