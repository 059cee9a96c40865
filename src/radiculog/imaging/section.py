"""Data for the imaging section of the appointment report (issue 4): plain values, no markup."""

from __future__ import annotations

from typing import Any

from radiculog.imaging.concordance import Concordance
from radiculog.imaging.report import ImagingReport
from radiculog.imaging.text import (
    DISCLAIMER,
    VERDICT_WORDS,
    cauda_equina_lines,
    finding_sentence,
    numbering_note,
    rate_sentence,
)
from radiculog.imaging.vocabulary import load_vocabulary


def render_report_section(
    report: ImagingReport, concordance: Concordance | None = None
) -> dict[str, Any]:
    """Everything the appointment report needs to show the imaging, level by level."""
    fit = None
    if concordance is not None:
        fit = {
            "verdict": concordance.verdict,
            "verdict_text": VERDICT_WORDS[concordance.verdict],
            "next_step": load_vocabulary().raw["plain"]["next_step"][concordance.verdict],
            "leaning": concordance.leaning,
            "side": concordance.side,
            "reasons": list(concordance.reasons),
            "levels": [f.to_dict() for f in concordance.levels],
            "age_rates": [rate_sentence(r) for r in concordance.age_rates],
        }
    ces = concordance.cauda_equina.to_dict() if concordance else None
    return {
        "title": "Scan report (MRI or CT), read level by level",
        "levels": [{**f.to_dict(), "plain": finding_sentence(f)} for f in report.levels],
        "other_findings": [o.to_dict() for o in report.other_findings],
        "numbering_note": numbering_note(report),
        "cauda_equina_risk": report.cauda_equina_risk,
        "cauda_equina": ces,
        # what to do first, then the levels and roots it is at (issue 21)
        "cauda_equina_advice": [x for x in cauda_equina_lines(report, concordance) if x],
        "cauda_equina_levels": list(report.cauda_equina_levels),
        "cauda_equina_roots": list(report.cauda_equina_roots),
        "concordance": fit,
        "unread": list(report.unread),
        "unread_reasons": report.to_dict()["unread_reasons"],
        "disclaimer": DISCLAIMER,
    }
