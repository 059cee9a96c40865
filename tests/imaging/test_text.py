"""The plain-language text a person reads, and the appointment-report section."""

from __future__ import annotations

from radiculog import assess
from radiculog.imaging import compare, read_report, render_report_section, render_text
from tests.conftest import load_example

REPORT = """FINDINGS:
L3-4: Normal.
L4-5: Disc bulge with a left paracentral protrusion.
L5-S1: Schmorl node.
"""


def _fit(example: str = "03-s1-calf-push-off.json", age: int = 40):  # type: ignore[no-untyped-def]
    return compare(read_report(REPORT), assess(load_example(example)["findings"]).to_dict(), age)


def test_text_says_level_by_level_which_root_and_the_age_rate() -> None:
    text = render_text(read_report(REPORT), _fit())
    assert "L3-L4: the report calls this level normal" in text
    assert "L4-L5: a disc protrusion, just off the middle, on the left." in text
    assert "A finding at L4-L5 can touch the L5 nerve root (from where it is)." in text
    assert "Show both to your clinician" in text
    assert "About 50 in 100 people aged 40 with no back pain have a disc bulge." in text
    assert "Your symptoms lean to the S1 nerve root on the left." in text
    assert (
        '"L5-S1: Schmorl node." (not read: L5-S1) It is about something we do not interpret' in text
    )


def test_text_explains_why_l4_l5_touches_l5() -> None:
    text = render_text(read_report("L4-5: Left paracentral protrusion."))
    assert "L4-L5 sits between L4 and L5" in text
    assert "The L5 nerve root runs down past this disc" in text


def test_cauda_equina_advice_comes_first() -> None:
    from radiculog.engine.services import current_region, services

    report = read_report(
        "L4-5: Severe central canal stenosis.\nL5-S1: Tarlov cyst. Gibberish words."
    )
    text = render_text(report)
    assert text.startswith("The report uses words that can mean pressure")
    first = text.split("\n")[0]
    # what to do comes at once, naming the region's emergency service, whatever is unread
    places = services(current_region()).placeholders()
    assert (
        f"go to {places['emergency_department']} now, or call {places['emergency_number']}" in first
    )
    assert "discuss the report promptly with a clinician" in first
    assert "It is at L4-L5: the L5 nerve root and those below pass there." in text


def test_normal_levels_are_not_described_as_touching_roots() -> None:
    text = render_text(read_report("L1-2, L2-3: no stenosis."))
    assert "can touch" not in text


def test_report_section_has_levels_verdict_and_unread() -> None:
    section = render_report_section(read_report(REPORT), _fit())
    assert [lv["level"] for lv in section["levels"]] == ["L3-L4", "L4-L5", "L4-L5"]
    assert section["levels"][2]["plain"].startswith("L4-L5: a disc protrusion")
    assert section["concordance"]["verdict"] == "does not match"
    assert section["unread"] == ["L5-S1: Schmorl node."]
    assert section["cauda_equina"]["risk"] is False
