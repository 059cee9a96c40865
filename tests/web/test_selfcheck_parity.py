"""Parity: the web flow's result equals `radiculog assess` on the same findings."""

from __future__ import annotations

import pytest

import radiculog
from radiculog.web.selfcheck.session import KEY, findings_from_state
from tests.web.selfcheck_helpers import load_examples, normalised, walk

pytestmark = pytest.mark.django_db
EXAMPLES = load_examples()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_web_flow_builds_the_same_findings_and_result(client, name):
    expected = EXAMPLES[name]["findings"]
    walk(client, expected)
    built = findings_from_state(client.session[KEY])
    assert normalised(built) == normalised({k: v for k, v in expected.items() if k != "notes"})

    page = client.get("/check/result/")
    assert page.status_code == 200
    engine = radiculog.assess(expected).to_dict()
    assert page.context["a"] == engine
    html = page.content.decode()
    assert engine["urgency"]["headline"] in html
    bars = [r for r in engine["roots"] if r["probability"] >= 0.05]
    for root in bars:
        assert f"{round(root['probability'] * 100)}%" in html
    rest = [r for r in engine["roots"] if r["probability"] < 0.05]
    if rest and page.context["roots_done"]:  # under 5 %: one summed line, never a 0 % bar
        names = ", ".join(r["root"] for r in rest)
        percent = round(sum(r["probability"] for r in rest) * 100)
        assert f"Together {names}: {f'{percent}%' if percent else 'under 1%'}" in html
        assert html.count('class="bar-row"') == len(bars)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_an_emergency_example_stops_the_flow_at_the_first_emergency_answer(client, name):
    expected = EXAMPLES[name]["findings"]
    responses = walk(client, expected)
    stops = [
        r["Location"] for r in responses if r.status_code == 302 and "emergency" in r["Location"]
    ]
    is_emergency = radiculog.assess(expected).to_dict()["urgency"]["tier"] == "emergency"
    assert bool(stops) == is_emergency


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_result_page_shows_every_daily_check_the_engine_gives(client, name):
    expected = EXAMPLES[name]["findings"]
    walk(client, expected)
    card = radiculog.assess(expected).to_dict()["decision_card"]
    html = client.get("/check/result/").content.decode()
    for key in ("daily_check", "also_check"):
        if card[key]:
            assert card[key]["name"] in html, key
    assert ("Your daily checks" in html) is bool(card["also_check"])


def _cli_tier(doc: dict) -> str:
    import io
    import json
    import sys

    from radiculog.cli import main

    out, stdin = io.StringIO(), sys.stdin
    try:
        sys.stdin = io.StringIO(json.dumps(doc))
        assert main(["assess", "-", "--format", "json"], out) == 0
    finally:
        sys.stdin = stdin
    return str(json.loads(out.getvalue())["urgency"]["tier"])


def _issue_18_cases() -> list:
    from tests.engine.test_presentations_18 import CALM, UNDER

    return [(name, findings) for name, findings, *_ in (*UNDER, *CALM)]


@pytest.mark.parametrize(
    ("name", "doc"), _issue_18_cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_web_check_the_command_line_and_the_api_agree_on_issue_18s_presentations(
    client, name, doc
):
    """Issue 18: the new answers reach the web check; its result, `radiculog assess`,
    `POST /api/v1/assess` and the engine give the same tier and reasons."""
    walk(client, doc)
    web = client.get("/check/result/").context["a"]["urgency"]
    engine = radiculog.assess(doc).to_dict()["urgency"]
    api = client.post("/api/v1/assess", doc, content_type="application/json").json()["urgency"]
    assert web["tier"] == engine["tier"] == api["tier"] == _cli_tier(doc), name
    assert {r["id"] for r in web["reasons"]} == {r["id"] for r in engine["reasons"]}, name
