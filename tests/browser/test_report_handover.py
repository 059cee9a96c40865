"""Issue 14 on a phone (360 px): an entry dated this morning, the weekly
questionnaire, the report's first page (the PDF rendered to PNG), copy and QR on
the share page, and the page a clinician sees on a switched-off link."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from pypdf import PdfReader

from radiculog.web.symptomlog.models import Entry, Log, Questionnaire
from tests.browser.conftest import PHONE, SHOTS, Visitor
from tests.web.log_personas import add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
EVENING = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)  # a Monday evening, UTC = the log's zone


def log_in(phone: Visitor, user: Any) -> None:
    phone.go("/accounts/login/")
    phone.page.fill("#id_username", user.username)
    phone.page.fill("#id_password", PASSWORD)
    phone.page.get_by_role("button", name="Log in").click()
    assert phone.page.url.endswith("/log/")


@pytest.fixture
def fran(django_user_model: Any) -> Any:
    """Two days of entries, the right toe lifts fading, leg pain easing."""
    user = django_user_model.objects.create_user("fran", password=PASSWORD)
    Log.objects.create(owner=user)
    for n, (right, leg) in enumerate([(10, 8), (9, 7), (7, 4), (5, 3)]):
        add(user, n, (10, right), leg_pain=leg, back_pain=3, painkillers=n % 3)
    return user


def test_a_forgotten_morning_check_is_added_in_the_evening(phone: Visitor, fran: Any) -> None:
    with time_machine.travel(EVENING, tick=True):
        log_in(phone, fran)
        page = phone.page
        phone.go("/log/new/")
        page.locator("#id_when_day_1").check()  # earlier today
        page.fill("#id_when_time", "08:15")
        page.locator("#id_none_new").check()
        page.fill("#id_right", "5")
        page.locator("#id_leg_pain_3").check()
        page.locator("#id_back_pain_2").check()
        page.locator("#id_sleep_0").check()
        page.fill("#id_painkillers", "2")
        phone.check_accessible()
        phone.shot("entry-this-morning")
        page.get_by_role("button", name="Save entry").click()
        assert page.url.endswith("/log/")
        entry = Entry.objects.filter(log__owner=fran).order_by("-id").first()
        assert entry is not None and entry.at == datetime(2026, 11, 23, 8, 15, tzinfo=UTC)
        assert "Mon 23 Nov, 08:15" in page.locator(".entries").inner_text()
        # the body maps are big enough to read on the phone (two views to a row)
        front = page.locator(".maps section").first.locator("svg.bodymap-front")
        box = front.bounding_box()
        assert box is not None and box["width"] >= 130 and box["height"] >= 270
        page.locator(".maps").scroll_into_view_if_needed()
        phone.shot("log-body-maps")


def test_the_weekly_questionnaire_on_a_phone(phone: Visitor, fran: Any) -> None:
    with time_machine.travel(EVENING, tick=True):
        log_in(phone, fran)
        page = phone.page
        page.locator(".weekly").get_by_role("link", name="Fill it in").click()
        boxes = page.locator("input[name=ticked]")
        assert boxes.count() == 24
        for n in (0, 2, 16):
            boxes.nth(n).check()
        phone.check_accessible()
        phone.shot("weekly-questionnaire")
        page.get_by_role("button", name="Save").click()
        assert "3 of 24" in page.locator(".messages").inner_text()
        assert page.locator(".weekly").count() == 0  # not offered again this week
        assert Questionnaire.objects.get(log__owner=fran).ticked == [1, 3, 17]


def test_the_report_opens_with_the_clinicians_first_page(phone: Visitor, fran: Any) -> None:
    log = Log.objects.get(owner=fran)
    Questionnaire.objects.create(log=log, ticked=list(range(1, 13)), at=EVENING - timedelta(days=7))
    Questionnaire.objects.create(log=log, ticked=[1, 2, 3], at=EVENING)
    with time_machine.travel(EVENING, tick=True):
        log_in(phone, fran)
        phone.go("/report/")
        first = phone.page.locator(".first-page")
        text = first.inner_text()
        assert "Age 41." in text and "Looks most like L5" in text
        assert "Leg pain 8 → 3 of 10" in text and "Roland-Morris disability score 12 → 3" in text
        phone.check_accessible()
        phone.shot("report-first-page")
        response = phone.page.request.get(phone.base_url + "/report/report.pdf")
        pdf = response.body()
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    page_one = " ".join(reader.pages[0].extract_text().split())
    assert page_one.index("At a glance") < page_one.index("What changed")
    assert "Warning-sign screen" in page_one and "Looks most like L5" in page_one
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "report-first-page.pdf").write_bytes(pdf)
    stem = SHOTS / "report-first-page-pdf"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            str(SHOTS / "report-first-page.pdf"),
            str(stem),
        ],
        check=True,
    )
    png = SHOTS / "report-first-page-pdf-1.png"
    assert png.exists() and png.stat().st_size > 20_000


def test_copy_and_qr_then_the_switched_off_page(
    browser: Any, live_server: Any, axe: Any, fran: Any
) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    phone = Visitor(context.new_page(), live_server.url, axe)
    with time_machine.travel(EVENING, tick=True):
        log_in(phone, fran)
        page = phone.page
        phone.go("/report/share/")
        page.fill("#id_label", "physio")
        page.get_by_role("button", name="Create a share link").click()
        url = page.locator(".share-url").input_value()
        assert "/report/shared/" in url
        assert page.locator(".qr-figure svg.qr").is_visible()
        box = page.locator(".qr-figure svg.qr").bounding_box()
        assert box is not None and box["width"] >= 150  # big enough to scan across a desk
        assert (
            "Works for 14 more days, until Mon 07 Dec 2026"
            in page.locator(".expiry").first.inner_text()
        )
        page.get_by_role("button", name="Copy link").click()
        page.locator(".copy-status", has_text="Copied.").wait_for()  # CSP forbids eval
        assert page.evaluate("navigator.clipboard.readText()") == url
        has_share = page.evaluate("typeof navigator.share === 'function'")
        assert page.locator(".js-share").is_visible() is has_share
        phone.check_accessible()
        phone.shot("share-handover")
        page.get_by_role("button", name="Switch off this link").click()

        clinician = browser.new_context(viewport=PHONE)
        view = clinician.new_page()
        response = view.goto(url)
        assert response is not None and response.status == 410
        text = view.locator("main").inner_text()
        assert "has switched this link off" in text and "ask them for a new link" in text
        assert "Toe" not in text and "L5" not in text
        view.screenshot(
            path=str(SHOTS / f"share-switched-off-{PHONE['width']}.png"), full_page=True
        )
        clinician.close()
    context.close()
    phone.assert_clean()
