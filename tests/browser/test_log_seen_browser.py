"""An earlier warning sign on the log page, then 'A clinician has seen me about it',
on a phone and a desktop (issue 9)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine

from tests.browser.conftest import Visitor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def make_log(django_user_model: Any) -> None:
    from radiculog.web.symptomlog.models import Log
    from radiculog.web.symptomlog.views import add_entry
    from tests.web.log_personas import START, base_findings

    user = django_user_model.objects.create_user("fran", password=PASSWORD)
    log = Log.objects.create(owner=user)
    sign = base_findings()
    sign["answers"] = {**sign["answers"], "bladder_change": True}
    for days, findings in ((0, base_findings()), (2, sign), (4, base_findings())):
        add_entry(log, findings, at=START + timedelta(days=days))


def log_in(visitor: Visitor) -> None:
    visitor.go("/accounts/login/")
    visitor.page.fill("#id_username", "fran")
    visitor.page.fill("#id_password", PASSWORD)
    visitor.page.get_by_role("button", name="Log in").click()
    assert visitor.page.url.endswith("/log/")


@pytest.mark.parametrize("who", ["phone", "desktop"])
def test_an_earlier_sign_holds_until_a_clinician_has_seen_the_person(
    who: str, request: Any, django_user_model: Any
) -> None:
    from tests.web.log_personas import START

    visitor: Visitor = request.getfixturevalue(who)
    make_log(django_user_model)
    with time_machine.travel(START + timedelta(days=5), tick=True):
        log_in(visitor)
        banner = visitor.page.locator(".escalation")
        assert "Mon 23 Nov 2026 at 08:00" in banner.inner_text()
        visitor.check_accessible()
        visitor.shot("log-earlier-sign")
        visitor.page.fill("#seen-note", "Seen in A&E, scan clear")
        visitor.page.get_by_role("button", name="A clinician has seen me about it").click()
        assert visitor.page.locator(".escalation").count() == 0
        assert "a clinician has seen you" in visitor.page.locator(".messages").inner_text()
        visitor.check_accessible()
        visitor.shot("log-seen")
