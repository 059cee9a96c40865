"""The home page and the base template's landmarks."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_base_template_has_skip_link_landmarks_and_notice(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    skip = soup.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert soup.find("main")["id"] == "main"
    assert soup.find("header") and soup.find("nav")
    assert "not a diagnosis" in soup.find("footer").get_text()
    assert soup.html["lang"] == "en"


def test_the_home_page_links_to_the_self_check(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    start = soup.find("a", string=lambda s: s and "Start the self-check" in s)
    assert start["href"] == "/check/step/now/"  # straight to the first danger-sign page


def test_no_page_asset_comes_from_another_site(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
        for node in soup.find_all(tag):
            if node.get(attr):
                assert node[attr].startswith("/"), node


def test_the_home_page_gives_the_emergency_advice_from_the_knowledge(client):
    import radiculog

    advice = radiculog.load_knowledge().tiers["emergency"].do
    callout = BeautifulSoup(client.get("/").content, "html.parser").select_one(".callout-emergency")
    assert advice in callout.get_text()


def test_pages_name_the_deployments_emergency_number(client, region):
    region("us")
    home = client.get("/").content.decode()
    start = client.get(reverse("selfcheck:start")).content.decode()
    assert "911" in home and "911" in start
    assert "999" not in home and "999" not in start


def test_the_home_page_lists_every_sign_that_alone_means_go_now(client):
    import radiculog
    from radiculog.web.selfcheck import alarms

    k = radiculog.load_knowledge()
    callout = BeautifulSoup(client.get("/").content, "html.parser").select_one(".callout-emergency")
    items = [li.get_text(strip=True) for li in callout.select("li")]
    assert items == [k.questions[q].short for q in alarms.go_now_signs()]
    for qid in ("bladder_change", "bowel_change", "saddle_numbness", "both_legs"):
        assert k.questions[qid].short in items  # bowel control and both legs included
