"""Every information page passes axe at phone and desktop width, with a screenshot."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "home": "/",
    "start": "/check/",
    "triage": "/check/l4-l5-s1/",
    "red-flags": "/check/red-flags/",
    "tests": "/check/tests/",
    "faq": "/check/faq/",
    "test-toe-lift": "/check/tests/toe_lift/",
    "api-docs": "/api/v1/docs",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_information_pages_pass_axe_on_a_phone(phone, name):
    response = phone.go(PAGES[name])
    assert response.status == 200
    if name != "api-docs":  # Swagger UI's own markup is not ours to fix
        phone.check_accessible()
        assert phone.page.locator("main h1").count() == 1
    phone.shot(f"page-{name}")


@pytest.mark.parametrize("name", ["home", "triage", "tests"])
def test_information_pages_pass_axe_on_a_desktop(desktop, name):
    desktop.go(PAGES[name])
    desktop.check_accessible()
    desktop.shot(f"page-{name}")


def test_the_api_docs_page_renders_swagger_without_a_cdn(desktop):
    desktop.go("/api/v1/docs")
    desktop.page.get_by_text("/api/v1/assess", exact=True).wait_for()
    desktop.shot("page-api-docs")
