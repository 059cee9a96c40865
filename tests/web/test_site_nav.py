"""The site header leads a returning person to their log, and lets them log out safely (POST)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def _nav(html: bytes) -> BeautifulSoup:
    nav = BeautifulSoup(html, "html.parser").find("nav")
    assert nav is not None
    return nav


def test_anonymous_visitors_see_log_in_and_no_log_link(client):
    nav = _nav(client.get("/").content)
    links = {a.get_text(strip=True): a["href"] for a in nav.find_all("a")}
    assert links["Log in"] == "/accounts/login/"
    assert "Your log" not in links


def test_signed_in_people_see_their_log_and_a_post_logout(client):
    user = get_user_model().objects.create_user("alice", password="a-long-passphrase-1")
    client.force_login(user)
    nav = _nav(client.get("/").content)
    links = {a.get_text(strip=True): a["href"] for a in nav.find_all("a")}
    assert links["Your log"] == "/log/"
    form = nav.find("form")
    assert form["method"] == "post" and form["action"] == "/accounts/logout/"
    assert form.find("input", {"name": "csrfmiddlewaretoken"}) is not None
