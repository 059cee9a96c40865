"""The result of reading one report, and its JSON shape (radiculog/imaging@1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCHEMA = "radiculog/imaging@1"
FINDINGS = (
    "bulge", "protrusion", "extrusion", "sequestration", "herniation", "annular fissure",
    "central canal stenosis", "lateral recess stenosis", "foraminal stenosis", "spondylolisthesis",
    "Modic change", "normal",
)  # fmt: skip
POSITIONS = (
    "central", "paracentral/subarticular", "lateral recess", "foraminal",
    "extraforaminal/far lateral", "diffuse", "unstated", "n/a",
)  # fmt: skip
SIDES = ("left", "right", "bilateral", "midline", "unstated", "n/a")
ROOT_CONTACTS = ("none", "contact", "displaced", "compressed", "unstated")
HERNIATIONS = ("protrusion", "extrusion", "sequestration", "herniation")
# Why a sentence is unread, for a person: codes -> plain words.
UNREAD_REASONS = {
    "no_level": "It does not say which level (such as L4-L5) it is about.",
    "which_level": "It names several levels and we could not tell which finding goes with which.",
    "which_narrowing": "It does not say which kind of narrowing (canal, side or nerve opening).",
    "level_not_read": "It names a level we do not read (above T12-L1, or L6-S1).",
    "not_interpreted": "It is about something we do not interpret, such as surgery, a cyst, "
    "a mass or a fracture.",
    "words_not_known": "We do not know these words well enough to read them.",
}


@dataclass(frozen=True)
class LevelFinding:
    """One (level, finding) the report states."""

    level: str
    finding: str
    position: str
    side: str
    roots: tuple[str, ...]
    root_contact: str
    evidence: str
    severity: str = "unstated"
    roots_named: bool = False  # True when the report names the roots (not the zone rule)

    @property
    def is_normal(self) -> bool:
        return self.finding == "normal"

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "finding": self.finding,
            "position": self.position,
            "side": self.side,
            "roots": list(self.roots),
            "root_contact": self.root_contact,
            "evidence": self.evidence,
            "severity": self.severity,
            "roots_named": self.roots_named,
        }


@dataclass(frozen=True)
class OtherFinding:
    """A finding at a level outside the contract's types (e.g. disc degeneration)."""

    level: str
    finding: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "finding": self.finding, "evidence": self.evidence}


@dataclass(frozen=True)
class UnreadDetail:
    """What an unread sentence names, so it is shown "not read at L4-L5 (right L5 root)" and not
    dropped (issue 21): levels, named roots, the side and what it says happens to the root."""

    levels: tuple[str, ...] = ()
    roots: tuple[str, ...] = ()
    side: str = "unstated"
    root_contact: str = "unstated"

    def to_dict(self) -> dict[str, Any]:
        return {"levels": list(self.levels), "roots": list(self.roots), "side": self.side,
                "root_contact": self.root_contact}  # fmt: skip


@dataclass(frozen=True)
class ImagingReport:
    levels: tuple[LevelFinding, ...]
    cauda_equina_risk: bool
    cauda_equina_evidence: tuple[str, ...] = ()
    # the levels the warning is about and the roots that pass them (issue 21): the cauda equina
    # at L4-L5 holds the L5 root and those below it; L5 is the one a finding there touches first
    cauda_equina_levels: tuple[str, ...] = ()
    cauda_equina_roots: tuple[str, ...] = ()
    other_findings: tuple[OtherFinding, ...] = ()
    unread: tuple[str, ...] = ()  # sentences about the scan that the reader could not place
    unread_reasons: tuple[str, ...] = ()  # one UNREAD_REASONS code per unread sentence
    notes: tuple[str, ...] = ()  # sentences read as not about a disc level (alignment, conus...)
    unread_details: tuple[UnreadDetail, ...] = ()  # one per unread sentence

    def _details(self) -> tuple[UnreadDetail, ...]:
        missing = len(self.unread) - len(self.unread_details)
        return self.unread_details + (UnreadDetail(),) * max(0, missing)

    @property
    def abnormal(self) -> tuple[LevelFinding, ...]:
        return tuple(f for f in self.levels if not f.is_normal)

    def level_names(self) -> list[str]:
        return list(dict.fromkeys(f.level for f in self.levels))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "levels": [f.to_dict() for f in self.levels],
            "cauda_equina_risk": self.cauda_equina_risk,
            "cauda_equina_evidence": list(self.cauda_equina_evidence),
            "cauda_equina_levels": list(self.cauda_equina_levels),
            "cauda_equina_roots": list(self.cauda_equina_roots),
            "other_findings": [o.to_dict() for o in self.other_findings],
            "unread": list(self.unread),
            "unread_reasons": [
                {"sentence": s, "why": why, "text": UNREAD_REASONS[why], **d.to_dict()}
                for s, why, d in zip(
                    self.unread, self.unread_reasons, self._details(), strict=False
                )
            ],
            "notes": list(self.notes),
        }
