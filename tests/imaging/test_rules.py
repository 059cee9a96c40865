"""The reading rules of issue 13, one at a time: sections, level context, coordination,
vertebral and root-given levels, canal-stenosis wordings. Sentences are from the public corpus
(tests/imaging/corpus/public*/, each with its source) or shortened from it."""

from __future__ import annotations

from typing import Any

import pytest

from radiculog.imaging import read_report
from radiculog.imaging.sentences import statements


def found(text: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {(e["level"], e["finding"]): e for e in read_report(text).to_dict()["levels"]}


# ---------------------------------------------------------------- sections


def test_findings_straight_after_a_history_line_are_read() -> None:
    text = (
        "HISTORY: low back pain with left leg numbness.\n"
        "Large central disc extrusion at L4-5 compressing the cauda equina.\n"
    )
    doc = read_report(text).to_dict()
    assert ("L4-L5", "extrusion") in found(text)
    assert doc["cauda_equina_risk"] is True
    assert doc["unread"] == []


def test_findings_on_the_history_line_itself_are_read() -> None:
    text = "HISTORY: Back pain. Large L4-5 central extrusion compressing the cauda equina."
    assert read_report(text).cauda_equina_risk is True
    assert ("L4-L5", "extrusion") in found(text)


def test_a_history_paragraph_ends_at_the_blank_line() -> None:
    text = "Presentation\n\nLeft leg pain and foot drop.\n\nLeft paracentral protrusion at L5/S1.\n"
    assert ("L5-S1", "protrusion") in found(text)


@pytest.mark.parametrize(
    "history",
    [
        "Please evaluate for nerve impingement or cauda equina.",
        "?cauda equina compression",
        "Query cauda equina syndrome.",
        "Known mild L4/5 disc prolapse - not requiring intervention.",
        "Rule out compression of the cauda equina at L4-5.",
    ],
)
def test_a_question_or_history_under_the_heading_stays_skipped(history: str) -> None:
    text = f"HISTORY: Back pain.\n{history}\n\nFINDINGS:\nL5-S1: Normal.\n"
    doc = read_report(text).to_dict()
    assert doc["cauda_equina_risk"] is False
    assert {e["level"] for e in doc["levels"]} == {"L5-S1"}


def test_table_rows_are_read_as_level_lines() -> None:
    text = "| Level | Finding |\n|---|---|\n|L4-L5:| Left paracentral protrusion | mild |\n"
    assert [s.text for s in statements(text)] == ["L4-L5: Left paracentral protrusion; mild"]
    assert found(text)[("L4-L5", "protrusion")]["roots"] == ["L5"]


# ---------------------------------------------------------------- level context


def test_a_level_governs_the_next_sentences_of_its_paragraph() -> None:
    text = (
        "Disc desiccation and a posterior disc bulge at L4-5. Some facet hypertrophy. "
        "Mild bilateral foraminal narrowing. The disc material is intimately associated "
        "with the descending L5 nerve roots.\n"
    )
    got = found(text)
    assert got[("L4-L5", "foraminal stenosis")]["side"] == "bilateral"
    assert got[("L4-L5", "bulge")]["roots"] == ["L5"]
    assert got[("L4-L5", "bulge")]["root_contact"] == "contact"
    assert read_report(text).unread == ()


def test_level_context_stops_at_a_blank_line_and_at_a_new_level() -> None:
    text = "Bulge at L3-4.\n\nMild foraminal narrowing.\nProtrusion at L5-S1. Annular tear.\n"
    got = found(text)
    assert ("L3-L4", "foraminal stenosis") not in got
    assert ("L5-S1", "annular fissure") in got
    assert "Mild foraminal narrowing." in read_report(text).unread


def test_a_multilevel_sentence_ends_level_context() -> None:
    text = "L5-S1 protrusion. Multilevel mild disc bulges with foraminal narrowing."
    assert ("L5-S1", "foraminal stenosis") not in found(text)


def test_a_carried_level_is_never_called_normal() -> None:
    text = "For numbering, the L5/S1 level is on image 36. The cauda equina is unremarkable."
    assert found(text) == {}


# ---------------------------------------------------------------- coordination and ranges


def test_respectively_pairs_levels_and_roots() -> None:
    text = (
        "L4-L5 and L5-S1 discs show diffuse posterocentral and bilateral paracentral annular "
        "bulge indenting the thecal sac, causing bilateral foraminal narrowing and impinging "
        "bilateral traversing L5 & S1 nerve roots respectively."
    )
    got = found(text)
    assert got[("L4-L5", "bulge")]["roots"] == ["L5"]
    assert got[("L5-S1", "bulge")]["roots"] == ["S1"]
    assert got[("L4-L5", "bulge")]["root_contact"] == "compressed"
    # the traversing roots are the bulge's, not the foraminal narrowing's
    assert got[("L4-L5", "foraminal stenosis")]["roots"] == ["L4"]
    assert read_report(text).unread == ()


def test_respectively_without_a_root_per_level_stays_unread() -> None:
    text = "L4-5 and L5-S1 protrusions, left and right respectively."
    assert read_report(text).unread_reasons == ("which_level",)


def test_a_range_with_through_covers_every_level() -> None:
    text = "Bilateral facetal arthropathy is noted at L3-L4 through L5-S1 levels."
    others = {(o.level, o.finding) for o in read_report(text).other_findings}
    assert {lv for lv, _ in others} == {"L3-L4", "L4-L5", "L5-S1"}


# ---------------------------------------------------------------- levels from vertebrae and roots


def test_a_disc_at_a_vertebral_level_is_placed_at_the_disc_below() -> None:
    text = (
        "Sagittal images demonstrate a large sequestered disc at the level of L2.\n"
        "The sequestered disc fragment extends into the right neural foramen and compresses "
        "the exiting right L2 nerve root sleeve.\n"
    )
    got = found(text)
    assert got[("L2-L3", "sequestration")]["roots"] == ["L2"]
    assert got[("L2-L3", "sequestration")]["root_contact"] == "compressed"


def test_a_modic_change_in_a_vertebral_body_stays_unread() -> None:
    text = "Modic type 1 change in the L5 vertebral body."
    assert found(text) == {}
    assert read_report(text).unread


def test_the_l5_foramina_are_at_l5_s1() -> None:
    text = "Horizontal configuration of the L5 neural foramina, with resultant foraminal stenosis."
    assert ("L5-S1", "foraminal stenosis") in found(text)


@pytest.mark.parametrize(
    ("sentence", "level", "finding", "root"),
    [
        (
            "Compression of the exiting L4 nerve root in the neural exit canal.",
            "L4-L5",
            "foraminal stenosis",
            "L4",
        ),
        ("Compression of the descending S1 nerve root.", "L5-S1", "lateral recess stenosis", "S1"),
        ("Left foraminal protrusion abutting the exiting L4 root.", "L4-L5", "protrusion", "L4"),
    ],
)
def test_a_named_root_gives_the_level(sentence: str, level: str, finding: str, root: str) -> None:
    entry = found(sentence)[(level, finding)]
    assert entry["roots"] == [root]


def test_a_spared_root_gives_no_finding() -> None:
    assert found("The exiting L4 nerve root is not compressed.") == {}


# ---------------------------------------------------------------- wordings


@pytest.mark.parametrize(
    "sentence",
    [
        "Narrowing of the thecal sac at L4-5.",
        "There is also reduction in spinal canal reserve at L4-L5 level.",
        "At L4-L5 the narrowing of the sagittal dimension of the thecal sac is noted.",
        "At L2-3 there is a mildly diminished overall AP dimension of the spinal canal.",
        "L4-L5: AP dimension of the canal 11 mm.",
    ],
)
def test_central_canal_stenosis_wordings(sentence: str) -> None:
    level = next(iter(found(sentence)))[0]
    assert (level, "central canal stenosis") in found(sentence)


@pytest.mark.parametrize(("mm", "severe"), [("3.9", True), ("<1", True), ("11", False)])
def test_the_ap_diameter_grades_the_canal(mm: str, severe: bool) -> None:
    text = f"Reduction in spinal canal reserve at L4-L5 with mid sagittal AP dimension {mm}mm."
    assert read_report(text).cauda_equina_risk is severe


def test_a_wide_ap_diameter_is_no_stenosis() -> None:
    assert found("L4-L5: AP dimension of the canal 15 mm.") == {
        ("L4-L5", "normal"): found("L4-L5: AP dimension of the canal 15 mm.")[("L4-L5", "normal")]
    }


def test_one_disc_with_a_foraminal_and_a_canal_part_gives_both_roots() -> None:
    text = "L4-5: Left paracentral and foraminal disc protrusion."
    assert found(text)[("L4-L5", "protrusion")]["roots"] == ["L5", "L4"]


def test_a_grade_after_the_noun_belongs_to_the_next_words() -> None:
    text = "L4-5 protrusion produces mild central stenosis and sever compression of the L5 root."
    assert read_report(text).cauda_equina_risk is False
