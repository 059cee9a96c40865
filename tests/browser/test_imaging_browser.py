"""The imaging paste page in Chromium: axe-clean with a result, and working without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
REPORT = (
    Path(__file__).resolve().parents[1] / "imaging" / "corpus" / "reports" / "04-cauda-equina.txt"
).read_text()


def _read(visitor, age: str = "") -> None:
    visitor.go("/imaging/")
    visitor.page.get_by_label("The words of your scan report").fill(REPORT)
    if age:
        visitor.page.get_by_label("Your age in years (optional)").fill(age)
    visitor.page.get_by_role("button", name="Read my report").click()
    visitor.page.locator("#result").wait_for()


@pytest.mark.parametrize("who", ["phone", "desktop"])
def test_a_read_report_passes_axe(request, who):
    visitor = request.getfixturevalue(who)
    _read(visitor, age="38")
    visitor.check_accessible()
    levels = visitor.page.locator("#result .level-name").all_inner_texts()
    assert levels == ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"]
    assert visitor.page.get_by_role("alert").count() == 1
    width = visitor.page.evaluate("document.documentElement.scrollWidth")
    assert width <= visitor.page.viewport_size["width"]
    visitor.shot("imaging-result")


def test_it_works_without_javascript(no_js):
    _read(no_js)
    text = no_js.page.locator("#result").inner_text()
    assert "A finding at L5-S1 can touch the S1 nerve root." in text
