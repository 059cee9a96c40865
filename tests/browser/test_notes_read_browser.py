"""A warning written in a log entry, said back on the log page, on a phone and a desktop
(issue 18, class 6): the banner and "What you wrote" pass axe at 360 and 1280 px."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine

from tests.browser.conftest import Visitor
from tests.browser.test_log_entry_findings2_browser import PASSWORD, make_log

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _write_a_warning(visitor: Visitor) -> None:
    page = visitor.page
    visitor.go("/accounts/login/")
    page.fill("#id_username", "gail")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    visitor.go("/log/new/")
    assert "read for warning signs" in page.locator("form .hint").last.inner_text()
    page.locator("#id_none_new").check()
    page.locator("#id_long_term_steroids_1").check()
    page.locator("#id_osteoporosis_1").check()
    page.fill("#id_left", "10")
    page.fill("#id_right", "10")
    page.locator("#id_leg_pain_3").check()
    page.locator("#id_back_pain_5").check()
    page.locator("#id_sleep_1").check()
    page.fill("#id_triggers", "sitting. Since yesterday I can't feel the toilet paper")
    page.fill("#id_easers", "no numbness in my legs, walking helps")
    page.get_by_role("button", name="Save entry").click()
    assert page.url.endswith("/log/")


@pytest.mark.parametrize("who", ["phone", "desktop"])
def test_a_written_warning_is_said_back_on_the_log_page(
    who: str, request: Any, django_user_model: Any
) -> None:
    from tests.web.log_personas import START

    visitor: Visitor = request.getfixturevalue(who)
    make_log(django_user_model)
    with time_machine.travel(START + timedelta(days=1), tick=True):
        _write_a_warning(visitor)
        page = visitor.page
        assert "tier-emergency" in (page.locator(".escalation").get_attribute("class") or "")
        said = page.locator(".notes-read").inner_text()
        assert "can't feel the toilet paper" in said and "warning sign" in said
        assert "numbness in my legs" not in said  # negated: not read
        visitor.check_accessible()
        visitor.shot("log-notes-read")
    visitor.assert_clean()
