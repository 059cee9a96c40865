"""The result as a person in pain meets it at 360 px: what to do, by when, and what
would make it an emergency on the first screen; each sentence once; a page that ends.

Measured in Chromium: where the "go now" list ends, how tall the page is, whether
it scrolls sideways at 320 px. Screenshots of every tier at 360 and 1280 px go to
artifacts/screenshots for a person to look at.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

import radiculog
from tests.web.selfcheck_helpers import load_examples, posts_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EXAMPLES = load_examples()
K = radiculog.load_knowledge()
TIERS = {
    "watchful": "01-l5-classic-no-weakness",
    "soon": "04-l4-stairs-known-weakness",
    "soon-unanswered": "07-safety-questions-unanswered",
    "urgent": "03-s1-calf-push-off",
    "emergency": "05-cauda-equina-warning",
}
FIRST_SCREEN = 800  # px at 360 px wide: the tier, the action, the timing and the safety net
WHOLE_PAGE = 2900  # px at 360 px wide with the folds closed ("about 2,500"; the footer is ~300)
UNANSWERED_PAGE = 4200  # each unanswered danger question gets its own line and link


def report(line: str) -> None:
    print(f"\n{line}")  # noqa: T201  (the figures are shown with pytest -s)


def answer(visitor: Any, findings: dict[str, Any]) -> None:
    """Send every step as the form would, then open the result."""
    visitor.go("/check/step/now/")  # sets the CSRF cookie
    cookies = visitor.page.context.cookies()
    token = next(c["value"] for c in cookies if c["name"] == "csrftoken")
    for slug, data in posts_for(findings):
        visitor.page.request.post(
            f"{visitor.base_url}/check/step/{slug}/",
            data=urlencode(data, doseq=True),
            headers={
                "X-CSRFToken": token,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": visitor.base_url + "/",
            },
            max_redirects=0,
        )
    visitor.go("/check/result/")


def bottom(page: Any, selector: str) -> float:
    return float(page.eval_on_selector(selector, "e => e.getBoundingClientRect().bottom + scrollY"))


def page_height(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def completed(findings: dict[str, Any]) -> dict[str, Any]:
    """The example as a person finishing today's web check gives it: the contract's
    examples are findings@1, and the check also asks the findings@2 danger questions
    (issue 18), answered no here; "soon-unanswered" keeps its gaps."""
    answers = dict(findings.get("answers", {}))
    for q in K.screening_ids:
        if K.questions[q].since == 2:
            answers.setdefault(q, False)
    return {**findings, "schema": "radiculog/findings@2", "answers": answers}


@pytest.mark.parametrize("name", sorted(TIERS))
def test_the_first_screen_holds_the_action_and_the_safety_net(phone, name):
    findings = EXAMPLES[TIERS[name]]["findings"]
    if "unanswered" not in name:
        findings = completed(findings)
    engine = radiculog.assess(findings).to_dict()
    tier = engine["urgency"]["tier"]
    answer(phone, findings)
    phone.shot(f"result-tier-{name}")
    page = phone.page
    banner = page.locator(".tier-banner").inner_text()
    for words in (engine["urgency"]["action"], engine["urgency"]["timing"]):
        assert words in banner
    net_end = bottom(page, ".safety-net")
    height = page_height(page)
    report(f"{name} at 360 px: safety net ends at {net_end:.0f} px, page {height} px")
    assert net_end <= FIRST_SCREEN
    assert page.locator(".safety-net li").count() >= 5  # the go-now signs, each on its line
    call = page.locator(".tier-banner a[href^='tel:'], .safety-net a[href^='tel:']")
    assert f"tel:{K.services.emergency_tel}" in call.evaluate_all("l => l.map(a => a.href)")[-1]
    assert bottom(page, ".safety-net a[href^='tel:'], .tier-banner .button-call") <= FIRST_SCREEN
    assert height <= (UNANSWERED_PAGE if "unanswered" in name else WHOLE_PAGE)
    text = page.locator("main").inner_text()
    assert text.count(K.tiers[tier].do) == 1  # the action sentence once
    phone.check_accessible()


@pytest.mark.parametrize("name", ["watchful", "soon", "urgent"])
def test_the_daily_check_follows_the_root_picture_and_small_roots_share_a_line(phone, name):
    findings = completed(EXAMPLES[TIERS[name]]["findings"])
    answer(phone, findings)
    page = phone.page
    order = page.evaluate(
        """() => {
          const roots = document.getElementById('roots-title');
          const daily = document.querySelector('.daily');
          return roots.compareDocumentPosition(daily) & Node.DOCUMENT_POSITION_FOLLOWING;
        }"""
    )
    assert order, "the daily check comes after the root picture"
    shown = page.locator(".bar-value").all_inner_texts()
    assert all(int(v.rstrip("%")) >= 5 for v in shown)
    small = [
        r["root"] for r in radiculog.assess(findings).to_dict()["roots"] if r["probability"] < 0.05
    ]
    assert page.locator(".bar-rest").inner_text().startswith(f"Together {', '.join(small)}")


def test_no_fits_watchful_care_beside_a_warning(phone):
    answer(phone, EXAMPLES[TIERS["soon"]]["findings"])
    assert phone.page.locator(".reasons .tag-soon").count() >= 1
    assert phone.page.get_by_text("fit watchful care").count() == 0


@pytest.mark.parametrize("name", sorted(TIERS))
def test_the_result_does_not_scroll_sideways_at_320_px(browser, live_server, axe, name):
    from tests.browser.conftest import Visitor

    ctx = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    visitor = Visitor(ctx.new_page(), live_server.url, axe)
    answer(visitor, EXAMPLES[TIERS[name]]["findings"])
    visitor.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    width = visitor.page.evaluate("document.documentElement.scrollWidth")
    ctx.close()
    assert width <= 320


@pytest.mark.parametrize("name", sorted(TIERS))
def test_every_tier_passes_axe_on_a_desktop(desktop, name):
    answer(desktop, EXAMPLES[TIERS[name]]["findings"])
    desktop.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    desktop.check_accessible()  # the folded sections opened too
    desktop.shot(f"result-tier-{name}")


def test_the_home_page_lists_every_go_now_sign(phone):
    from radiculog.web.selfcheck import alarms

    phone.go("/")
    items = phone.page.locator(".callout-emergency li").all_inner_texts()
    expected = [K.questions[q].short for q in alarms.go_now_signs()]
    assert [i.lower() for i in items] == [e.lower() for e in expected]
    assert any("bowel" in i for i in items) and any("both legs" in i for i in items)
    phone.check_accessible()
    phone.shot("home")
