"""Every page of the self-check names the deployment region's services, and only those."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from radiculog.engine import services as services_module
from radiculog.web.selfcheck.steps import SAFETY_TOPICS

pytestmark = pytest.mark.django_db
REGIONS = services_module.regions()
STEP_PAGES = ("now", "today", "days", "tests")


def numbers(region: str) -> set[str]:
    s = services_module.services(region)
    return {n for n in (s.emergency_number, s.emergency_tel, s.urgent_tel) if n}


def visible(html: bytes) -> tuple[str, list[str]]:
    """The words a person reads (pictures and scripts left out) and every link."""
    page = BeautifulSoup(html, "html.parser")
    for tag in page(["svg", "script", "style"]):
        tag.decompose()
    for tag in page.select("input[type=hidden]"):
        tag.decompose()
    return page.get_text(" "), [a["href"] for a in page.select("a[href]")]


def flow_pages(client) -> dict[str, bytes]:
    """Every kind of page of the flow: steps, call-today, emergency, results."""
    pages = {slug: client.get(f"/check/step/{slug}/").content for slug in STEP_PAGES}
    pages |= {"home": client.get("/").content, "start": client.get("/check/").content}
    pages["red-flags"] = client.get("/check/red-flags/").content
    client.post("/check/step/now/", {q: "unsure" for q in SAFETY_TOPICS[0].items})
    pages["result-unsure"] = client.get("/check/result/").content  # the go-now lines
    client.post("/check/step/today/", {"fever": "yes"})
    pages["call-today"] = client.get("/check/call-today/").content
    pages["result-urgent"] = client.get("/check/result/").content
    client.post("/check/step/now/", {"bladder_change": "yes"})
    pages["emergency"] = client.get("/check/emergency/").content
    pages["result-emergency"] = client.get("/check/result/").content
    return pages


@pytest.mark.parametrize("name", REGIONS)
def test_each_page_names_its_regions_numbers_and_no_other(client, region, name):
    region(name)
    own = services_module.services(name)
    others = set().union(*(numbers(r) for r in REGIONS if r != name)) - numbers(name)
    for page, html in flow_pages(client).items():
        text, links = visible(html)
        for number in others:
            assert not re.search(rf"(?<!\d){number}(?!\d)", text), (page, number)
        tels = {link.removeprefix("tel:") for link in links if link.startswith("tel:")}
        assert tels <= numbers(name), (page, tels)
        if page in ("now", "emergency", "result-emergency", "result-unsure", "home", "start"):
            assert f"tel:{own.emergency_tel}" in links, page  # tap to call, where it matters
            assert own.emergency_number in text, page


@pytest.mark.parametrize("name", REGIONS)
def test_the_call_today_page_names_the_regions_urgent_service(client, region, name):
    region(name)
    own = services_module.services(name)
    client.post("/check/step/today/", {"weakness_new": "yes"})
    text, links = visible(client.get("/check/call-today/").content)
    assert own.urgent_advice in text and own.primary_care in text
    expected = own.urgent_tel or own.emergency_tel
    assert f"tel:{expected}" in links
