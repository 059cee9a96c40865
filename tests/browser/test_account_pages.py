"""The sign-up, log-in and password-reset pages pass axe on a phone, with
screenshots; the sign-up page says what the optional email is for."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "signup": "/accounts/signup/",
    "login": "/accounts/login/",
    "password-reset": "/accounts/password/reset/",
    "password-reset-sent": "/accounts/password/reset/sent/",
    "password-reset-bad-link": "/accounts/password/reset/MQ/bad-token/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_account_pages_pass_axe_on_a_phone(phone, name):
    assert phone.go(PAGES[name]).status == 200
    phone.check_accessible()
    assert phone.page.locator("main h1").count() == 1
    phone.shot(f"account-{name}")


def test_the_sign_up_page_explains_the_optional_email(phone):
    phone.go("/accounts/signup/")
    hint = phone.page.locator("#id_email").locator("xpath=..").inner_text()
    assert "a lost password means a lost log" in hint
    phone.shot("account-signup-email")
