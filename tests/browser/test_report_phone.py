"""The appointment report on a phone: a physiotherapist reads it at 320 and 360 px
without turning it sideways; warning rows first, the all-"no" rows on one line; the
PDF stays two pages (looked at as PNG by pdftoppm)."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from pypdf import PdfReader

from radiculog.web.symptomlog.models import Log
from tests.browser.conftest import SHOTS, Visitor
from tests.web.log_personas import add

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
EVENING = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)


@pytest.fixture
def gwen(django_user_model: Any) -> Any:
    """Four entries: fever answered yes once, the right toe lifts fading."""
    user = django_user_model.objects.create_user("gwen", password=PASSWORD)
    Log.objects.create(owner=user)
    for n, right in enumerate((10, 9, 7, 5)):
        entry = add(user, n, (10, right), leg_pain=6, back_pain=3)
        if n == 1:
            entry.findings["answers"]["fever"] = True
            entry.save()
    return user


def open_report(visitor: Visitor, user: Any) -> None:
    visitor.go("/accounts/login/")
    visitor.page.fill("#id_username", user.username)
    visitor.page.fill("#id_password", PASSWORD)
    visitor.page.get_by_role("button", name="Log in").click()
    visitor.go("/report/")


@pytest.mark.parametrize("width", [320, 360])
def test_the_report_fits_a_phone_without_sideways_scroll(browser, live_server, axe, gwen, width):
    ctx = browser.new_context(viewport={"width": width, "height": 740}, is_mobile=True)
    visitor = Visitor(ctx.new_page(), live_server.url, axe)
    with time_machine.travel(EVENING, tick=True):
        open_report(visitor, gwen)
        page = visitor.page
        scroll = page.evaluate("document.documentElement.scrollWidth")
        rows = page.locator("table.screen tbody tr").all_inner_texts()
        calm = page.locator(".first-page .calm-line").all_inner_texts()
        visitor.check_accessible()
        visitor.shot("report-phone")
    ctx.close()
    visitor.assert_clean()
    assert scroll <= width, f"the report is {scroll} px wide at {width} px"
    assert len(rows) == 1 and rows[0].startswith("Fever with back pain")  # the warning row
    assert any(line.startswith("No warning answer at any entry") for line in calm)
    assert "new bladder trouble" in " ".join(calm)


def test_the_report_reads_well_on_a_desktop_and_the_pdf_stays_two_pages(desktop, gwen):
    with time_machine.travel(EVENING, tick=True):
        open_report(desktop, gwen)
        table = desktop.page.locator("table.screen")
        column = desktop.page.locator(".first-grid > div").last
        assert table.bounding_box()["width"] <= column.bounding_box()["width"] + 1
        desktop.check_accessible()
        desktop.shot("report-desktop")
        pdf = desktop.page.request.get(desktop.base_url + "/report/report.pdf").body()
    assert 1 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    target = SHOTS / "report-phone.pdf"
    target.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(target), str(SHOTS / "report-pdf")], check=True
    )
    assert (SHOTS / "report-pdf-1.png").stat().st_size > 20_000
