"""Issue 21: an unsure reading says so, and a warning says at once what to do.

- every sentence that names a level and a nerve root is read, or listed as not read with that
  level (never dropped);
- a cauda equina warning names the levels it is about and the roots that pass there;
- a flagged report's first line names the region's emergency service, whatever else is unread.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from radiculog.engine.services import current_region, services
from radiculog.imaging import read_report, render_text
from radiculog.imaging.levels import find_levels
from radiculog.imaging.sentences import statements
from tests.imaging.corpus_tools import public_reports, reports

# the blind set stays out: it is scored by bench/bench_imaging.py --blind, never tuned on
ALL = reports() + public_reports("public")
LEVELS = ("L1-2", "L2-3", "L3-4", "L4-5", "L5-S1")


def _names_level_and_root(sentence: str) -> bool:
    mentions, verts = find_levels(sentence)
    return bool(mentions) and any(v.is_root for v in verts)


def test_a_sentence_naming_a_level_and_a_root_is_never_dropped() -> None:
    for name, text, _ in ALL:
        report = read_report(text)
        used = {f.evidence for f in report.levels} | set(report.cauda_equina_evidence)
        used |= set(report.notes)
        unread = dict(zip(report.unread, report.unread_details, strict=True))
        for st_ in statements(text):
            if not _names_level_and_root(st_.text) or st_.text in used:
                continue
            if st_.text in unread:
                assert unread[st_.text].levels, (name, st_.text)
            else:  # read, and merged into an entry from an earlier sentence (the impression)
                assert read_report(st_.text).levels, (name, st_.text)


def test_a_cyst_compressing_a_root_is_not_read_but_keeps_level_root_side_and_contact() -> None:
    doc = read_report("L4-5: A synovial cyst compressing the neighbouring right L5 root.").to_dict()
    assert doc["levels"] == []
    (item,) = doc["unread_reasons"]
    assert item["why"] == "not_interpreted"
    assert (item["levels"], item["roots"], item["side"], item["root_contact"]) == (
        ["L4-L5"],
        ["L5"],
        "right",
        "compressed",
    )


def test_cauda_equina_compression_names_its_levels_and_roots() -> None:
    doc = read_report(
        "Severe canal stenosis and compression of the cauda equina at L4/L5."
    ).to_dict()
    assert doc["cauda_equina_risk"] is True
    assert doc["cauda_equina_levels"] == ["L4-L5"]
    assert doc["cauda_equina_roots"] == ["L5"]


def test_every_flagged_corpus_report_that_names_a_level_gives_the_warning_roots() -> None:
    for name, text, expected in ALL:
        report = read_report(text)
        keyed = [e for e in expected["levels"] if e["finding"] != "normal"]
        if report.cauda_equina_risk and keyed:
            assert report.cauda_equina_roots, name


_CALM = st.sampled_from(
    [f"{lv}: small central protrusion." for lv in LEVELS]
    + [f"{lv}: mild bilateral foraminal narrowing." for lv in LEVELS]
    + ["Normal alignment.", "The conus ends at L1."]
)
_UNREAD = st.sampled_from(
    ["Tarlov cyst at S2.", "Postoperative change at L5.", "Blah blah wording.", "L3: lesion."]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_CALM, max_size=4),
    st.lists(_UNREAD, max_size=3),
    st.sampled_from(LEVELS),
    st.sampled_from(
        [
            "Large central extrusion at {lv} compressing the cauda equina.",
            "Severe central canal stenosis at {lv}.",
            "Spinal canal stenosis at {lv} and a diagnosis of cauda equina syndrome was made.",
            "At {lv} the large herniation obliterates the CSF.",
        ]
    ),
)
def test_a_flagged_report_says_first_where_to_go(
    calm: list[str], unread: list[str], level: str, warning: str
) -> None:
    text = "\n".join([*calm, warning.format(lv=level), *unread])
    report = read_report(text)
    assert report.cauda_equina_risk
    places = services(current_region()).placeholders()
    first = render_text(report).split("\n")[0]
    assert places["emergency_number"] in first and places["emergency_department"] in first
    assert report.cauda_equina_roots


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_CALM, min_size=1, max_size=4),
    st.sampled_from(
        [
            "Query cauda equina syndrome.",
            "No features of cauda equina syndrome.",
            "At risk of cauda equina syndrome if it enlarges.",
            "Clinical question: to rule out cauda equina syndrome?",
        ]
    ),
)
def test_a_question_or_denial_of_cauda_equina_syndrome_raises_no_warning(
    calm: list[str], sentence: str
) -> None:
    assert read_report("\n".join([*calm, sentence])).cauda_equina_risk is False


def test_a_warning_said_where_no_level_is_takes_the_levels_of_the_disc_findings() -> None:
    report = read_report(
        "A diagnosis of cauda equina syndrome was made.\n\n"
        "MRI showed a large disc extrusion at L4-5 and a small bulge at L2-3."
    )
    assert report.cauda_equina_risk
    assert (report.cauda_equina_levels, report.cauda_equina_roots) == (("L4-L5",), ("L5",))
