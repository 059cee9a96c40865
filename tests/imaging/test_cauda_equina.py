"""Cauda equina: every wording of compression of the cauda equina or of severe central canal
stenosis is flagged wherever the findings carry it; a negated one, or one in the history or
the question, is not (issue 13). Wordings are from the public corpus and its sources."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from radiculog.imaging import read_report

WORDINGS = [
    "Large central disc extrusion at {lv} with compression of the cauda equina.",
    "Large central disc protrusion at {lv} compressing the cauda equine.",
    "Severe spinal canal narrowing at {lv} resulting in compression of central traversing "
    "cauda nerve roots.",
    "Large {lv} central disc extrusion with severe central canal stenosis and a compressed "
    "cauda equina.",
    "At {lv} there is severe central canal stenosis.",
    "Severe narrowing of the thecal sac at {lv}.",
    "Reduction in spinal canal reserve at {lv} with mid sagittal AP dimension measuring 3.9mm.",
    "A massive herniation of the {lv} disk with dural sac compression.",
    "Moderate stenosis of the canal at {lv} with crowding of the caudia equina.",
    "{lv}: Cauda equina compression.",
    "Absolute spinal canal stenosis with narrowing of the cauda equina in segment {lv}.",
    "A mass disc filling almost the entire spinal canal at the {lv} level.",
]
NEGATED = [
    "No compression of the cauda equina at {lv}.",
    "There is no severe central canal stenosis at {lv}.",
    "At {lv} there is a small protrusion without compression of the cauda equina.",
    "The cauda equina is unremarkable in appearance without nerve root clumping at {lv}.",
]
LEVELS = ["L3-4", "L3/L4", "L4-L5", "L4/5", "L5-S1", "L5/S1", "LWK 4/5"]
HISTORY = ["HISTORY: ?{w}", "Indication: Query {w}", "CLINICAL QUESTION: rule out {w}",
           "Reason for exam: to exclude {w}"]  # fmt: skip
FINDINGS_AFTER = "\n\nFINDINGS:\nL1-2, L2-3: Normal.\n"


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


@given(st.sampled_from(WORDINGS), st.sampled_from(LEVELS))
@settings(max_examples=80, deadline=None)
def test_every_wording_in_the_findings_is_flagged(wording: str, level: str) -> None:
    sentence = wording.format(lv=level)
    for text in (sentence, f"FINDINGS:\n{sentence}", f"HISTORY: Back pain.\n{sentence}"):
        report = read_report(text)
        assert report.cauda_equina_risk is True, text
        assert report.cauda_equina_evidence


@given(st.sampled_from(WORDINGS), st.sampled_from(LEVELS), st.sampled_from(HISTORY))
@settings(max_examples=80, deadline=None)
def test_a_wording_in_the_history_is_not_flagged(wording: str, level: str, head: str) -> None:
    text = head.format(w=lower_first(wording.format(lv=level))) + FINDINGS_AFTER
    assert read_report(text).cauda_equina_risk is False, text


@given(st.sampled_from(NEGATED), st.sampled_from(LEVELS))
@settings(max_examples=40, deadline=None)
def test_a_negated_wording_is_not_flagged(wording: str, level: str) -> None:
    text = "FINDINGS:\n" + wording.format(lv=level)
    assert read_report(text).cauda_equina_risk is False, text


def test_a_large_disc_without_sac_compression_is_not_flagged() -> None:
    text = "Large left paracentral disc protrusion at L5-S1 displacing the left S1 root."
    assert read_report(text).cauda_equina_risk is False


def test_a_small_extrusion_with_thecal_compression_is_not_flagged() -> None:
    # the smaller defect: a false alarm would send someone to hospital for no reason
    text = "Left posterocentral extrusion at L5-S1 level, thecal compression and impingement."
    assert read_report(text).cauda_equina_risk is False
