"""Headers that keep every page free of third-party requests and framing."""

from __future__ import annotations

import pytest

from radiculog.web.middleware.csp import POLICY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/check/", "/api/v1/docs", "/api/v1/openapi.json"])
def test_every_response_carries_the_policy_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_policy_allows_only_the_site_itself():
    directives = dict(d.split(" ", 1) for d in POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    for sources in directives.values():
        assert "http" not in sources and "*" not in sources and "unsafe" not in sources
