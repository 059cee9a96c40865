"""Read lumbar MRI and CT report text, level by level, and compare it with the symptoms.

    from radiculog.imaging import read_report, compare, render_text
    report = read_report(text)                  # ImagingReport; .to_dict() is radiculog/imaging@1
    fit = compare(report, assessment, age=45)   # Concordance; assessment = the engine's dict
    print(render_text(report, fit))

Standard library only: the command line, the JSON API and the web page are thin clients.
"""

from __future__ import annotations

from typing import Any

from radiculog.imaging.concordance import Concordance, compare
from radiculog.imaging.reader import read_report
from radiculog.imaging.report import SCHEMA, ImagingReport, LevelFinding, OtherFinding
from radiculog.imaging.section import render_report_section
from radiculog.imaging.text import render_text

__all__ = [
    "SCHEMA",
    "Concordance",
    "ImagingReport",
    "LevelFinding",
    "OtherFinding",
    "compare",
    "read_report",
    "render_report_section",
    "render_text",
    "to_document",
]


def to_document(report: ImagingReport, concordance: Concordance | None = None) -> dict[str, Any]:
    """The JSON document: radiculog/imaging@1, plus "concordance" when there is one."""
    doc = report.to_dict()
    if concordance is not None:
        doc["concordance"] = concordance.to_dict()
    return doc
