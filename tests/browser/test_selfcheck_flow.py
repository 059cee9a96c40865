"""The guided self-check in a real browser: full flows, emergency stop, no-JS, keyboard."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest

import radiculog
from tests.browser.conftest import SHOTS
from tests.web.selfcheck_helpers import load_examples, posts_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EXAMPLES = load_examples()


def dom(key: str) -> str:
    return key.replace(":", "-")


def fill_step(visitor: Any, slug: str, data: dict[str, Any], tap: bool) -> None:
    """Answer one step the way a person would: click labels, type numbers, tick boxes."""
    page = visitor.page
    if slug.endswith("map"):
        mode = "pain" if slug == "pain-map" else "sensory"
        for i, key in enumerate(data["regions"]):
            if tap and i == 0:  # tap the picture for the first region (JavaScript)
                page.locator(f'[data-bodymap="{mode}"] polygon[data-key="{key}"]').click()
            else:
                page.locator(f"#{mode}-{dom(key)}").check()
            assert page.locator(f"#{mode}-{dom(key)}").is_checked()
        for field in ("kind", "repeatable"):
            if field in data:
                page.locator(f"#{field}-{data[field] or 'unsure'}").check()
        return
    for name, value in data.items():
        if name.endswith("_reps") or name in ("age", "days_since_onset"):
            if value != "":
                page.locator(f"[name='{name}']").fill(str(value))
        elif name.endswith("_choice"):
            page.locator(f"#{name}-{value or 'none'}").check()
        elif name.startswith(("reflex:", "provocation:")):
            if page.locator("details").get_attribute("open") is None:
                page.locator("summary").click()
            page.locator(f"[name='{name}']").select_option(value)
        else:
            page.locator(f"#{name}-{value}").check()


def run_flow(
    visitor: Any, findings: dict[str, Any], shots: str, tap: bool = True, every_page: bool = False
) -> None:
    visitor.go("/check/")
    visitor.page.get_by_role("link", name="Start now").click()
    for slug, data in posts_for(findings):
        assert f"/check/step/{slug}/" in visitor.page.url
        fill_step(visitor, slug, data, tap)
        if every_page or slug in ("bladder-bowel", "pain-map", "test-toe_lift", "clinician"):
            visitor.check_accessible()
        if slug in ("bladder-bowel", "pain-map", "test-toe_lift", "clinician"):
            visitor.shot(f"{shots}-{slug}")
        visitor.page.locator("form.step-form button[type=submit]").click()
    assert visitor.page.url.endswith("/check/result/")


def assert_result(visitor: Any, findings: dict[str, Any]) -> None:
    engine = radiculog.assess(findings).to_dict()
    page = visitor.page
    banner = page.locator(".tier-banner")
    assert engine["urgency"]["headline"] in banner.inner_text()
    assert f"tier-{engine['urgency']['tier']}" in banner.get_attribute("class")
    bars = page.locator(".bar-row").all_inner_texts()
    assert [b.split()[0] for b in bars] == [r["root"] for r in engine["roots"]]
    if engine["leaning"]:
        assert f"leans toward {engine['leaning']}" in page.locator("#roots-title + p").inner_text()


def test_an_l5_person_goes_from_start_to_result_on_a_phone(phone):
    findings = EXAMPLES["01-l5-classic-no-weakness"]["findings"]
    run_flow(phone, findings, "l5", every_page=True)  # axe on every step page
    assert_result(phone, findings)
    phone.check_accessible()
    phone.shot("l5-result")


def test_an_s1_person_with_new_weakness_is_told_to_call_today_on_a_desktop(desktop):
    findings = EXAMPLES["03-s1-calf-push-off"]["findings"]
    run_flow(desktop, findings, "s1")
    assert_result(desktop, findings)
    banner = desktop.page.locator(".tier-banner").inner_text()
    assert "Urgent" in banner
    assert "S1" in desktop.page.locator("#roots-title + p").inner_text()
    desktop.check_accessible()
    desktop.shot("s1-result")


def test_an_emergency_answer_stops_the_flow_at_once(phone):
    phone.go("/check/step/bladder-bowel/")
    phone.page.locator("#bladder_change-yes").check()
    phone.page.locator("#bowel_change-unsure").check()
    phone.page.locator("form.step-form button[type=submit]").click()
    assert phone.page.url.endswith("/check/emergency/")
    assert phone.page.locator("form.step-form").count() == 0  # no further questions
    assert "Emergency" in phone.page.locator("[role=alert]").inner_text()
    assert "new bladder trouble" in phone.page.locator(".told").inner_text()
    phone.check_accessible()
    phone.shot("emergency")


def test_the_whole_flow_works_with_javascript_off(no_js):
    findings = EXAMPLES["02-l5-new-toe-lift-weakness"]["findings"]
    run_flow(no_js, findings, "nojs", tap=False)
    assert_result(no_js, findings)
    no_js.check_accessible()
    no_js.shot("nojs-result")


def test_the_body_map_works_by_keyboard_alone(desktop):
    page = desktop.page
    desktop.go("/check/step/pain-map/")
    target = "pain-right-lateral_leg"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == target:
            break
    assert page.evaluate("document.activeElement.id") == target
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Space")
    assert page.locator(f"#{target}").is_checked()
    shape = page.locator('polygon[data-key="right:lateral_leg"]')
    assert "on" in shape.get_attribute("class").split()
    desktop.shot("map-keyboard")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/step/feeling-map/")
    page.go_back()
    page.reload()
    assert page.locator(f"#{target}").is_checked()  # back and reload keep the answer


@pytest.mark.parametrize(
    "name", ["03-s1-calf-push-off", "05-cauda-equina-warning", "07-safety-questions-unanswered"]
)
def test_the_result_prints_on_one_or_two_pages(desktop, tmp_path, name):
    from pypdf import PdfReader

    findings = EXAMPLES[name]["findings"]
    desktop.go("/check/step/bladder-bowel/")  # sets the CSRF cookie
    token = next(c["value"] for c in desktop.page.context.cookies() if c["name"] == "csrftoken")
    for slug, data in posts_for(findings):
        desktop.page.request.post(
            f"{desktop.base_url}/check/step/{slug}/",
            data=urlencode(data, doseq=True),
            headers={
                "X-CSRFToken": token,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": desktop.base_url + "/",
            },
            max_redirects=0,
        )
    desktop.go("/check/result/")
    desktop.page.emulate_media(media="print")
    desktop.shot(f"print-{name[:2]}")
    pdf = tmp_path / "result.pdf"
    desktop.page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = len(PdfReader(pdf).pages)
    (SHOTS / f"result-{name[:2]}.pdf").write_bytes(pdf.read_bytes())
    assert pages <= 2, f"the result prints on {pages} pages"


def test_error_messages_and_the_clinician_table_pass_axe(phone):
    phone.go("/check/step/health/")
    phone.page.locator("form.step-form button[type=submit]").click()
    summary = phone.page.locator("#error-summary")
    assert summary.is_visible()
    assert phone.page.evaluate("document.activeElement.id") == "error-summary"
    assert phone.page.locator(".field-error").count() == 5
    phone.check_accessible()
    phone.shot("errors")
    phone.go("/check/step/clinician/")
    phone.page.locator("summary").click()
    phone.page.locator("[name='reflex:ankle:left']").select_option("reduced")
    phone.check_accessible()
    phone.shot("clinician-open")
    phone.page.locator("form.step-form button[type=submit]").click()
    assert phone.page.url.endswith("/check/result/")


def _upper_lumbar() -> dict[str, Any]:
    """Example 04 with the inner-shin findings taken away and a reduced knee jerk added:
    L3 and L4 cannot be told apart, so the result leans to the pair (issue 12)."""
    findings = dict(EXAMPLES["04-l4-stairs-known-weakness"]["findings"])
    findings["pain"] = [
        {"region": "anterior_thigh", "side": "right"},
        {"region": "medial_knee", "side": "right"},
    ]
    findings["sensory"] = []
    findings["reflexes"] = [
        {"reflex": "knee", "side": "right", "result": "reduced"},
        {"reflex": "knee", "side": "left", "result": "normal"},
    ]
    return findings


@pytest.mark.parametrize("who", ["phone", "desktop"])
def test_an_upper_lumbar_picture_leans_to_the_pair_with_one_daily_check(who, request):
    visitor = request.getfixturevalue(who)
    findings = _upper_lumbar()
    assert radiculog.assess(findings).to_dict()["leaning_pair"]["label"] == (
        "upper lumbar (L3 or L4)"
    )
    run_flow(visitor, findings, "upper")
    assert_result(visitor, findings)
    text = visitor.page.locator("#roots-title + p").inner_text()
    assert "leans toward upper lumbar (L3 or L4)" in text
    visitor.check_accessible()
    visitor.shot("upper-lumbar-result")
