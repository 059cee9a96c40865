"""The 72-hour log in a real browser: sign up from a result, three days of
entries on a phone, the escalation banner, the PDF, and a share link opened
in a fresh browser and then revoked."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from pypdf import PdfReader

from tests.browser.conftest import SHOTS, Visitor
from tests.browser.test_selfcheck_flow import run_flow
from tests.web.conftest import load_examples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
DAY1 = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
# (hours after DAY1, right toe lifts, pain): twice a day for three days, right side fading
ENTRIES = [(12, 10, 4), (24, 9, 5), (36, 8, 5), (48, 6, 6), (60, 4, 7)]


def sign_up_from_result(phone: Visitor) -> None:
    run_flow(phone, load_examples()["01-l5-classic-no-weakness"]["findings"], "log")
    phone.page.get_by_role("link", name="Start the 72-hour log").click()
    assert "/accounts/signup/" in phone.page.url
    phone.page.fill("#id_username", "dana")
    phone.page.fill("#id_password1", PASSWORD)
    phone.page.fill("#id_password2", PASSWORD)
    phone.page.get_by_role("button", name="Create my log").click()
    assert phone.page.url.endswith("/log/")
    assert "first entry" in phone.page.locator(".messages").inner_text()


def add_entry(phone: Visitor, right: int, pain: int, first: bool = False) -> None:
    page = phone.page
    phone.go("/log/new/")
    page.locator("#id_none_new").check()
    page.fill("#id_left", "10")
    page.fill("#id_right", str(right))
    page.locator(f"#id_leg_pain_{pain}").check()
    page.locator(f"#id_back_pain_{max(pain - 2, 0)}").check()
    page.locator("#id_sleep_1").check()
    page.fill("#id_walk_minutes", "12")
    page.fill("#id_triggers", "15 minutes sitting")
    page.fill("#id_easers", "walking 8 minutes")
    if first:  # the body map carries over; open it and tap the right heel on the picture
        page.get_by_text("Where it hurts and where feeling is changed").click()
        page.locator('[data-bodymap="pain"] polygon[data-key="right:heel"]').click()
        assert page.locator("#pain-right-heel").is_checked()
        phone.check_accessible()
        phone.shot("log-entry-form")
    page.get_by_role("button", name="Save entry").click()
    assert page.url.endswith("/log/")


def test_three_days_on_a_phone_then_a_pdf_and_a_share_link(
    phone: Visitor, browser: Any, live_server: Any
) -> None:
    # The whole story runs on one travelling server clock, so the session made on
    # day 1 is still fresh when the report and share link are made on day 3,
    # whatever today's date is (the browser keeps the cookie by its Max-Age).
    with time_machine.travel(DAY1, tick=True) as clock:
        sign_up_from_result(phone)
        for n, (hours, right, pain) in enumerate(ENTRIES):
            clock.move_to(DAY1 + timedelta(hours=hours))
            add_entry(phone, right, pain, first=n == 0)
        page = phone.page
        banner = page.locator("main .wrap > :first-child")
        assert "escalation" in (banner.get_attribute("class") or "")
        assert "4 now" in banner.inner_text()
        assert "heel (right)" in page.locator(".maps section").nth(1).inner_text()
        assert page.locator("svg.chart").count() >= 3
        phone.check_accessible()
        phone.shot("log-escalated")

        phone.go("/report/")
        assert "Toe lifts weaker on the right, 4 vs 10" in page.locator(".sentences").inner_text()
        phone.check_accessible()
        phone.shot("log-report")
        with page.expect_download() as info:
            page.get_by_role("link", name="Download PDF").click()
        pdf = Path(info.value.path()).read_bytes()
        check_pdf(pdf)

        phone.go("/report/share/")
        page.fill("#id_label", "physio")
        page.get_by_role("button", name="Create a share link").click()
        url = page.locator(".share-link .share-url").input_value()
        phone.check_accessible()
        phone.shot("log-share")

        clinician = browser.new_context()
        view = clinician.new_page()
        view.goto(url)
        assert "Toe lifts weaker on the right, 4 vs 10" in view.locator(".sentences").inner_text()
        assert view.locator("form").count() == 0
        clinician.close()

        page.reload()
        assert "Opened 1 time" in page.locator(".share-link").inner_text()
        page.get_by_role("button", name="Switch off this link").click()
        fresh = browser.new_context()
        response = fresh.new_page().goto(url)
        assert response is not None and response.status == 410
        fresh.close()


def check_pdf(pdf: bytes) -> None:
    """The PDF's text says what changed, and its first page renders."""
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Toe lifts weaker on the right, 4 vs 10" in text
    assert "Walking 8 minutes eases it." in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / "log-report.pdf"
    target.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(target), str(SHOTS / "log-report-page")], check=True
    )
    first = SHOTS / "log-report-page-1.png"
    assert first.exists() and first.stat().st_size > 10_000  # a page with content, not blank


def test_the_log_page_reads_well_on_a_desktop(desktop: Visitor, django_user_model: Any) -> None:
    from tests.web.log_personas import add

    user = django_user_model.objects.create_user("erin", password=PASSWORD)
    from radiculog.web.symptomlog.models import Log

    Log.objects.create(owner=user)
    for n, (_hours, right, pain) in enumerate([(0, 10, 3), *ENTRIES]):
        add(user, n, (10, right), pain=pain)
    desktop.go("/accounts/login/")
    desktop.page.fill("#id_username", "erin")
    desktop.page.fill("#id_password", PASSWORD)
    desktop.page.get_by_role("button", name="Log in").click()
    assert desktop.page.url.endswith("/log/")
    desktop.check_accessible()
    desktop.shot("log-desktop")
    desktop.go("/report/")
    desktop.check_accessible()
    desktop.shot("report-desktop")
    for path in ("/report/prep/", "/log/reminders/", "/log/import/", "/accounts/delete/"):
        desktop.go(path)
        desktop.check_accessible()
    desktop.shot("log-delete")
