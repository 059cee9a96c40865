"""How long the check is for a person in pain: pages and taps, counted in a browser.

The urgency answer must come within four pages of the home page for a person
with no warning signs, and the whole check for a typical one-leg picture within
ten pages and thirty taps. The figures are printed (pytest -s) for the docs.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from radiculog.web.selfcheck import alarms
from radiculog.web.selfcheck.steps import SAFETY_TOPICS
from tests.web.selfcheck_helpers import load_examples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FINDINGS = load_examples()["01-l5-classic-no-weakness"]["findings"]


def report(line: str) -> None:
    """The figures are what this test is for: shown with pytest -s, kept for the docs."""
    print(f"\n{line}")  # noqa: T201


class Counter:
    """Counts every page the browser loads and every tap or typed field."""

    def __init__(self, visitor: Any) -> None:
        self.page = visitor.page
        self.pages = 0
        self.taps = 0
        self.page.on("load", self._loaded)

    def _loaded(self, _page: Any) -> None:
        self.pages += 1

    def tap(self, locator: Any) -> None:
        locator.click()
        self.taps += 1

    def type(self, locator: Any, text: str) -> None:
        locator.fill(text)  # one tap into the field; the typing is not counted
        self.taps += 1


def answer_danger_signs(c: Counter) -> None:
    answers = FINDINGS["answers"]
    for step in SAFETY_TOPICS:
        for qid in step.items:
            shortcut = "no" if alarms.shortcut_fills(qid) else None
            said = "yes" if answers.get(qid) else "no"  # not in a findings@1 example: no
            if said != shortcut:  # only what "No to all" does not say for the person
                c.tap(c.page.locator(f"#{qid}-{said}"))
        c.tap(c.page.locator("button[name='none-of-these']"))


def test_a_person_with_no_warning_signs_gets_the_urgency_answer_in_four_pages(phone):
    c = Counter(phone)
    phone.go("/")
    started = time.monotonic()
    c.tap(phone.page.get_by_role("link", name="Start the self-check"))
    answer_danger_signs(c)
    assert phone.page.url.endswith("/check/result/")
    assert "Find out which nerve root" in phone.page.content()
    pages = c.pages - 1  # not counting the home page
    seconds = time.monotonic() - started
    report(f"urgency answer: {pages} pages after home, {c.taps} taps, {seconds:.1f} s of loads")
    assert pages <= 4
    assert c.taps <= 5


def test_the_whole_check_for_a_one_leg_picture_takes_ten_pages_and_thirty_taps(phone):
    c = Counter(phone)
    page = phone.page
    phone.go("/")
    c.tap(page.get_by_role("link", name="Start the self-check"))
    answer_danger_signs(c)
    c.tap(page.get_by_role("link", name="Find out which nerve root"))
    for qid in ("pain_below_knee", "numbness_repeatable", "one_side_weaker",
                "worse_with_cough_sneeze_sitting"):  # fmt: skip
        c.tap(page.locator(f"#{qid}-{'yes' if FINDINGS['answers'][qid] else 'no'}"))
    c.type(page.locator("[name=age]"), str(FINDINGS["age"]))
    c.tap(page.get_by_role("button", name="Continue"))
    for entry in FINDINGS["pain"]:
        c.tap(page.locator(f"#pain-{entry['side']}-{entry['region']}"))
    c.tap(page.get_by_role("button", name="Continue"))
    for entry in FINDINGS["sensory"]:
        c.tap(page.locator(f"#sensory-{entry['side']}-{entry['region']}"))
    c.tap(page.locator("#kind-tingling"))
    c.tap(page.locator("#repeatable-yes"))
    c.tap(page.get_by_role("button", name="Continue"))
    suggested = page.locator("form > section.test-block").evaluate_all("els => els.map(e => e.id)")
    assert len(suggested) <= 3
    for item in FINDINGS["function"]:
        assert f"test-{item['test']}" in suggested  # the person's tests are the suggested ones
        for side in ("left", "right"):
            c.type(page.locator(f"[name='{item['test']}:{side}_reps']"), str(item[side]))
    c.tap(page.get_by_role("button", name="See my result"))
    assert page.url.endswith("/check/result/")
    assert "leans toward" in page.locator("#roots-title + p").inner_text()
    pages = c.pages  # home page included
    report(f"whole check: {pages} pages including home, {c.taps} taps")
    assert pages <= 10
    assert c.taps <= 30
    phone.check_accessible()
    phone.shot("pace-result")
