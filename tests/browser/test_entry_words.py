"""The entry form's words follow the time chosen, with JavaScript on and off: an
entry for "now" has no time box and asks about pain "right now"; one dated
yesterday shows the time box and asks about pain at the time of that check."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine

from radiculog.web.symptomlog.models import Log
from tests.browser.conftest import Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
EVENING = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)


@pytest.fixture
def hal(django_user_model: Any) -> Any:
    user = django_user_model.objects.create_user("hal", password=PASSWORD)
    Log.objects.create(owner=user)
    return user


def words(visitor: Visitor) -> tuple[bool, str, str]:
    page = visitor.page
    leg = page.locator("#id_leg_pain legend").inner_text()
    sleep = page.locator("#id_sleep legend").inner_text()
    return page.locator("#id_when_time").is_visible(), leg, sleep


@pytest.mark.parametrize("who", ["phone", "no_js"])
def test_the_words_and_the_time_box_follow_the_day_chosen(who: str, request: Any, hal: Any):
    visitor: Visitor = request.getfixturevalue(who)
    page = visitor.page
    with time_machine.travel(EVENING, tick=True):
        visitor.go("/accounts/login/")
        page.fill("#id_username", "hal")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        visitor.go("/log/new/")
        assert page.locator("#id_when_day_0").is_checked()  # "Now" to begin with
        box, leg, sleep = words(visitor)
        assert not box and "right now" in leg and sleep == "Last night"
        visitor.check_accessible()
        page.locator("#id_when_day_2").check()  # yesterday
        box, leg, sleep = words(visitor)
        assert box and "right now" not in leg and "at the time of that check" in leg
        assert sleep == "The night before that check"
        visitor.check_accessible()
        visitor.shot(f"entry-yesterday-{who}")
