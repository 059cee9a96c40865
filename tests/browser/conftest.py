"""Playwright on Debian's Chromium against pytest-django's live server.

One browser for the whole session (launching Chromium is the slow part on a
2-core machine); each test gets a fresh context, so no cookies are shared.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# live_server runs Django in a thread while Playwright's sync API runs an event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# scripts/test-on-date points this at a wrapper that keeps Chromium off the faked clock.
CHROMIUM = os.environ.get("RADICULOG_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


class Visitor:
    """A page plus what every test checks: no third-party request, no axe violation."""

    def __init__(self, page: Any, base_url: str, axe: Any, scripts: bool = True) -> None:
        self.page = page
        self.scripts = scripts
        self.base_url = base_url
        self.axe = axe
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._note_request)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", self._note_console)

    def _note_request(self, request: Any) -> None:
        if not (request.url.startswith(self.base_url) or request.url.startswith("data:")):
            self.foreign.append(request.url)

    def _note_console(self, message: Any) -> None:
        # A form shown again with its errors is answered 400 on purpose.
        if message.type == "error" and "status of 400" not in message.text:
            self.errors.append(message.text)

    def go(self, path: str) -> Any:
        return self.page.goto(self.base_url + path)

    def check_accessible(self) -> None:
        if not self.scripts:
            return  # axe runs as page JavaScript; the same pages are checked with it on
        results = self.axe.run(self.page)
        assert results.violations_count == 0, results.generate_report()

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        width = self.page.viewport_size["width"]
        path = SHOTS / f"{name}-{width}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert self.foreign == [], f"third-party requests: {self.foreign}"
        assert self.errors == [], f"browser errors: {self.errors}"


def _visitor(browser: Any, live_server: Any, axe: Any, **context: Any) -> Iterator[Visitor]:
    ctx = browser.new_context(**context)
    ctx.set_default_timeout(15_000)
    scripts = context.get("java_script_enabled", True)
    visitor = Visitor(ctx.new_page(), live_server.url, axe, scripts)
    yield visitor
    ctx.close()
    visitor.assert_clean()


@pytest.fixture
def phone(browser: Any, live_server: Any, axe: Any) -> Iterator[Visitor]:
    yield from _visitor(browser, live_server, axe, viewport=PHONE, has_touch=True, is_mobile=True)


@pytest.fixture
def desktop(browser: Any, live_server: Any, axe: Any) -> Iterator[Visitor]:
    yield from _visitor(browser, live_server, axe, viewport=DESKTOP)


@pytest.fixture
def no_js(browser: Any, live_server: Any, axe: Any) -> Iterator[Visitor]:
    yield from _visitor(browser, live_server, axe, viewport=PHONE, java_script_enabled=False)
