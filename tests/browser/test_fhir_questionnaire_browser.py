"""The self-check Questionnaire in a real FHIR form renderer (issue 25).

LHC-Forms (the US National Library of Medicine's renderer, npm package `lforms`,
vendored under assets/lforms by scripts/vendor-lforms) is served to Chromium from
the test's own files through Playwright routing: the product's pages load no
third-party script. The test fetches GET /api/v1/questionnaire, renders it,
answers some questions in the browser, takes the renderer's
QuestionnaireResponse and posts it to /api/v1/assess.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ASSETS = Path(__file__).parent / "assets" / "lforms"
ORIGIN = "http://renderer.test/"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>renderer</title>
<link rel="stylesheet" href="styles.css"><script src="assets/lib/zone.min.js"></script>
<script src="runtime.js" type="module"></script><script src="polyfills.js" type="module"></script>
<script src="main.js" type="module"></script><script src="fhir/R4/lformsFHIR.js" defer></script>
</head><body><div id="form"></div></body></html>"""
TYPES = {".css": "text/css", ".js": "application/javascript", ".png": "image/png"}


def _serve(route: Any) -> None:
    name = route.request.url.removeprefix(ORIGIN)
    if name == "index.html":
        route.fulfill(body=PAGE, content_type="text/html")
        return
    path = (ASSETS / name).resolve()
    if ASSETS.resolve() not in path.parents or not path.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(body=path.read_bytes(), content_type=TYPES.get(path.suffix, "text/plain"))


def _post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        result: dict[str, Any] = json.load(response)
    return result


def _render(page: Any, questionnaire: dict[str, Any]) -> None:
    page.route(f"{ORIGIN}**", _serve)
    page.goto(f"{ORIGIN}index.html")
    page.wait_for_function("() => !!(window.LForms && LForms.FHIR && LForms.FHIR.R4)")
    page.evaluate("q => LForms.Util.addFormToPage(q, 'form', {fhirVersion: 'R4'})", questionnaire)
    page.wait_for_selector('[id="bladder_change/1/1|false"]')


def _click(page: Any, link_id: str, value: str) -> None:
    page.locator(f'[id="{link_id}/1/1|{value}"]').click()


def test_lhc_forms_renders_it_and_its_response_assesses_like_the_findings(
    browser: Any, live_server: Any
) -> None:
    if not (ASSETS / "main.js").exists():
        pytest.fail("the renderer is missing: run scripts/vendor-lforms")
    with urllib.request.urlopen(f"{live_server.url}/api/v1/questionnaire") as response:
        questionnaire = json.load(response)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    _render(page, questionnaire)
    page.locator('[id="age/1/1"]').fill("41")
    for link_id in ("bladder_change", "bowel_change", "saddle_numbness", "major_trauma"):
        _click(page, link_id, "false")
    _click(page, "weakness_new", "true")
    _click(page, "pain_below_knee", "true")
    response = page.evaluate("() => LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4')")
    page.close()
    assert not errors
    answered = _post(f"{live_server.url}/api/v1/assess", response)
    findings = {
        "schema": "radiculog/findings@2",
        "age": 41,
        "answers": {
            "bladder_change": False,
            "bowel_change": False,
            "saddle_numbness": False,
            "major_trauma": False,
            "weakness_new": True,
            "pain_below_knee": True,
        },
    }
    assert answered == _post(f"{live_server.url}/api/v1/assess", findings)
    assert answered["urgency"]["tier"] == "urgent"
    assert "fever" in answered["urgency"]["missing"]  # left unanswered, not read as no
