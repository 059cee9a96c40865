"""Read lumbar MRI and CT report text, level by level, and compare it with the symptoms.

    from radiculog.imaging import read_report, compare, render_text
    report = read_report(text)              # ImagingReport; .to_dict() is radiculog/imaging@1
    fit = compare(report, assessment, age)  # Concordance; assessment is the engine's dict

Standard library only: the web layer and the command line are thin clients.
"""

from __future__ import annotations

from radiculog.imaging.reader import read_report
from radiculog.imaging.report import SCHEMA, ImagingReport, LevelFinding, OtherFinding

__all__ = ["SCHEMA", "ImagingReport", "LevelFinding", "OtherFinding", "read_report"]
