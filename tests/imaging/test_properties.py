"""Invariants of the reader, over generated reports."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from radiculog.imaging import read_report
from radiculog.imaging.levels import find_levels, levels_between
from radiculog.imaging.report import FINDINGS, POSITIONS, ROOT_CONTACTS, SIDES
from tests.imaging.corpus_tools import entries, reports, sentences

SPELLINGS = {
    "L3-L4": ["L3-4", "L3-L4", "L3/4", "L3/L4", "L34", "L3 to L4", "L-3-L-4", "LWK 3/4"],
    "L4-L5": ["L4-5", "L4-L5", "L4/5", "L4/L5", "L45", "L4 to L5", "L-4-L-5", "LWK 4/5"],
    "L5-S1": ["L5-S1", "L5/S1", "L5/Sl", "L5S1", "LWK 5/SWK 1", "L5 to S1", "L-5-S-1"],
}
TEMPLATE = """FINDINGS:
{L3-L4}: No disc herniation, canal or foraminal stenosis.
{L4-L5}: Broad-based disc bulge with a left paracentral protrusion contacting the descending left S1 nerve root. Mild bilateral foraminal narrowing.
{L5-S1}: Right far lateral extrusion compressing the exiting right L5 nerve root.
IMPRESSION: Left paracentral protrusion at {L4-L5}. No stenosis at {L3-L4}.
"""  # noqa: E501


def fill(choice: dict[str, str]) -> str:
    text = TEMPLATE
    for level, spelling in choice.items():
        text = text.replace("{" + level + "}", spelling)
    return text


CANONICAL = entries(read_report(fill({lv: lv for lv in SPELLINGS})).to_dict())
spellings = st.fixed_dictionaries({lv: st.sampled_from(v) for lv, v in SPELLINGS.items()})


def test_the_template_reads_as_intended() -> None:
    found = {(e["level"], e["finding"]): e for e in CANONICAL}
    assert found[("L3-L4", "normal")]
    assert found[("L4-L5", "protrusion")]["roots"] == ["S1"]
    assert found[("L5-S1", "extrusion")]["roots"] == ["L5"]


@given(spellings)
@settings(max_examples=60, deadline=None)
def test_any_level_spelling_gives_the_same_reading(choice: dict[str, str]) -> None:
    assert entries(read_report(fill(choice)).to_dict()) == CANONICAL


def _levels_named(text: str) -> set[str]:
    mentions, vertebrae = find_levels(text)
    named = {lv for m in mentions for lv in m.levels}
    chain = ["T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2"]
    if re.search(r"listhesis", text, re.I):  # "anterolisthesis of L4" names L4-L5
        for v in vertebrae:
            if v.vertebra in chain[:-1]:
                named |= set(levels_between(v.vertebra, chain[chain.index(v.vertebra) + 1]))
    return named


corpus_text = st.lists(st.sampled_from([c["text"] for c in sentences()]), min_size=1, max_size=6)


@given(corpus_text)
@settings(max_examples=80, deadline=None)
def test_never_invents_a_level_not_in_the_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    doc = read_report(text).to_dict()
    assert {e["level"] for e in doc["levels"]} <= _levels_named(text)
    flat = " ".join(text.split())  # lines cut by the layout are joined again (issue 21)
    for e in doc["levels"]:
        assert " ".join(e["evidence"].split()) in flat


@given(corpus_text)
@settings(max_examples=80, deadline=None)
def test_output_stays_in_the_contract_vocabulary(parts: list[str]) -> None:
    doc = read_report("\n".join(parts)).to_dict()
    for e in doc["levels"]:
        assert e["finding"] in FINDINGS
        assert e["position"] in POSITIONS
        assert e["side"] in SIDES
        assert e["root_contact"] in ROOT_CONTACTS


NEGATED = ["no stenosis", "no disc herniation", "normal", "unremarkable",
           "no disc bulge, canal or foraminal stenosis", "disc herniation is not seen"]  # fmt: skip


@given(
    st.lists(st.sampled_from(["L1-2", "L2-3", "L3-4", "L4-5", "L5-S1"]), min_size=1, max_size=5,
             unique=True),
    st.sampled_from(NEGATED),
)  # fmt: skip
def test_levels_called_normal_are_never_disease(levels: list[str], phrase: str) -> None:
    doc = read_report(f"{', '.join(levels)}: {phrase}.").to_dict()
    assert doc["levels"], phrase
    assert {e["finding"] for e in doc["levels"]} == {"normal"}
    assert len(doc["levels"]) == len(levels)


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_reads_without_error(text: str) -> None:
    doc = read_report(text).to_dict()
    assert doc["schema"] == "radiculog/imaging@1"


CES_WORDS = [
    "Query cauda equina syndrome.",
    "?cauda equina compression",
    "Severe spinal canal stenosis?",
    "Compression of the cauda equina suspected clinically.",
]
HEADINGS = ["Clinical history:", "Indication:", "History:", "Reason for exam:", "Clinical details:"]


@given(st.sampled_from(HEADINGS), st.lists(st.sampled_from(CES_WORDS), min_size=1, max_size=3))
def test_worries_in_the_history_never_flag_cauda_equina(heading: str, worries: list[str]) -> None:
    text = f"{heading} {' '.join(worries)}\n\nFindings:\nL4-5: Small central protrusion.\n"
    doc = read_report(text).to_dict()
    assert doc["cauda_equina_risk"] is False
    assert [(e["level"], e["finding"]) for e in doc["levels"]] == [("L4-L5", "protrusion")]


LINES = [
    "L1-L2: No disc herniation or stenosis.",
    "L2-L3: Mild disc bulge.",
    "L3-L4: Right foraminal protrusion abutting the exiting right L3 nerve root.",
    "L4-L5: Left paracentral extrusion compressing the traversing left L5 nerve root.",
    "L5-S1: Normal.",
]


@given(st.permutations(LINES))
@settings(deadline=None)  # the shared machine is slow at times; the reading is what is tested
def test_the_order_of_level_lines_does_not_change_the_reading(lines: list[str]) -> None:
    canonical = entries(read_report("\n".join(LINES)).to_dict())
    assert entries(read_report("FINDINGS:\n" + "\n".join(lines)).to_dict()) == canonical


REPORT_TEXTS = [(name, text) for name, text, _ in reports()]


@given(st.sampled_from(REPORT_TEXTS), st.integers(min_value=55, max_value=100))
@settings(max_examples=60, deadline=None)
def test_a_report_wrapped_at_any_width_reads_the_same(report: tuple[str, str], width: int) -> None:
    """Text copied out of a PDF comes wrapped mid-sentence; the reading must not change."""
    name, text = report
    wrapped = "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
        for line in text.split("\n")
    )
    assert entries(read_report(wrapped).to_dict()) == entries(read_report(text).to_dict()), name
