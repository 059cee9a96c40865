"""The log page: escalation banner first, charts, body map first vs latest."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.web.log_personas import People, add, make_people

# A log's 14 days count back from the present: a fixed one (tests/web/conftest.py).
pytestmark = pytest.mark.usefixtures("log_clock")


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def page(client: Client) -> BeautifulSoup:
    return BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")


def test_weaker_toe_lifts_show_the_banner_before_anything_else(
    people: People, client: Client
) -> None:
    add(people.alice, 0, (10, 10), pain=4)
    add(people.alice, 1, (10, 8), pain=5)
    add(people.alice, 2, (10, 4), pain=6)
    client.force_login(people.alice)
    main = page(client).select_one("main .wrap")
    first = main.find(True)
    assert "escalation" in first["class"]
    assert first["role"] == "alert"
    assert "4 now" in first.text  # the engine's reason names the numbers
    assert first.select_one(".do").text.strip()  # and says what to do


def test_a_steady_log_has_no_banner_but_shows_its_charts(people: People, client: Client) -> None:
    for n in range(4):
        add(people.alice, n, (10, 10), pain=3)
    client.force_login(people.alice)
    soup = page(client)
    assert soup.select_one(".escalation") is None
    titles = [t.text for t in soup.select("svg.chart title")]
    assert any("Toe lift" in t for t in titles)
    assert "Pain, 0 to 10" in titles
    pain_chart = next(s for s in soup.select("svg.chart") if s.title.text == "Pain, 0 to 10")
    assert len(pain_chart.select("circle")) == 4


def test_the_body_map_compares_first_and_latest(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    add(people.alice, 1, (10, 10))
    log = people.alice.symptom_log
    last = log.entries.last()
    last.findings["pain"] = [{"region": "heel", "side": "left"}]
    last.save()
    client.force_login(people.alice)
    maps = page(client).select(".maps section")
    assert "heel (left)" not in maps[0].text and "buttock (right)" in maps[0].text
    assert "heel (left)" in maps[1].text and "buttock (right)" not in maps[1].text

    def filled(section: Any) -> set[str]:
        return {p.title.text for p in section.select("svg polygon[fill='#c8571b']")}

    assert "right buttock" in filled(maps[0]) and "left heel" not in filled(maps[0])
    assert filled(maps[1]) == {"left heel"}


def test_an_empty_log_invites_the_first_entry(people: People, client: Client) -> None:
    client.force_login(people.bob)
    soup = page(client)
    assert soup.select_one(".escalation") is None
    assert soup.select_one(f"a[href='{reverse('symptomlog:new')}']")
