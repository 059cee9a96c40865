"""Does the report fit the symptom picture? Compare its roots with the engine's leaning and side.

A finding fits when it can touch the root the symptoms lean to, on the same
side (or both sides, or a side the report does not state). A bulge with no
stated contact only partly fits: bulges are common in people without pain.
The age-matched rates in people without back pain (Brinjikji 2015) come with
every finding that has one, so an incidental bulge is not read as the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from radiculog.engine.services import current_region, fill
from radiculog.imaging.prevalence import AgeRate, rate
from radiculog.imaging.report import HERNIATIONS, ImagingReport, LevelFinding
from radiculog.imaging.vocabulary import load_vocabulary

VERDICTS = ("matches", "partly matches", "does not match", "cannot tell")
_STENOSES = ("central canal stenosis", "lateral recess stenosis", "foraminal stenosis")
_PRESSING = ("contact", "displaced", "compressed")


@dataclass(frozen=True)
class LevelFit:
    level: str
    finding: str
    roots: tuple[str, ...]
    side: str
    fit: str  # "fits" | "partly fits" | "does not fit" | "no root"
    reason: str
    # why, as a code: fits | other_root | no_root | no_pressure | other_side | weak_finding |
    # also_possible (lets a page word the reason in its own language)
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "finding": self.finding, "roots": list(self.roots),
                "side": self.side, "fit": self.fit, "why": self.why,
                "reason": self.reason}  # fmt: skip


@dataclass(frozen=True)
class CaudaEquina:
    risk: bool
    matching_symptoms: tuple[str, ...]  # engine urgency reason ids
    raises_to_emergency: bool
    advice: str

    def to_dict(self) -> dict[str, Any]:
        return {"risk": self.risk, "matching_symptoms": list(self.matching_symptoms),
                "raises_to_emergency": self.raises_to_emergency, "advice": self.advice}  # fmt: skip


@dataclass(frozen=True)
class Concordance:
    verdict: str
    leaning: str | None
    side: str | None
    report_roots: tuple[str, ...]
    reasons: tuple[str, ...]
    levels: tuple[LevelFit, ...]
    age_rates: tuple[AgeRate, ...]
    cauda_equina: CaudaEquina
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "leaning": self.leaning,
            "side": self.side,
            "report_roots": list(self.report_roots),
            "reasons": list(self.reasons),
            "levels": [f.to_dict() for f in self.levels],
            "age_rates": [r.to_dict() for r in self.age_rates],
            "cauda_equina": self.cauda_equina.to_dict(),
            "sources": list(self.sources),
        }


def _sides_agree(report_side: str, person_side: str | None) -> bool:
    if person_side in (None, "both") or report_side in ("bilateral", "midline", "unstated", "n/a"):
        return True
    return report_side == person_side


def _strong(f: LevelFinding) -> bool:
    return f.finding in HERNIATIONS or f.finding in _STENOSES or f.root_contact in _PRESSING


def _judge(
    f: LevelFinding, leaning: str | None, side: str | None, possible: set[str]
) -> tuple[str, str, str]:
    """(fit, why code, reason in plain English) for one finding."""
    if not f.roots:
        return (
            "no root",
            "no_root",
            f"The report does not tie the {f.finding} at {f.level} to a nerve root.",
        )
    if f.root_contact == "none":
        return (
            "partly fits",
            "no_pressure",
            f"The report says the {f.finding} at {f.level} does not press on a nerve root.",
        )
    if leaning in f.roots:
        if not _sides_agree(f.side, side):
            return (
                "partly fits",
                "other_side",
                (
                    f"It can touch {leaning}, the root your symptoms lean to, but on the "
                    f"{f.side} side, and your symptoms are on the {side}."
                ),
            )
        if not _strong(f):
            return (
                "partly fits",
                "weak_finding",
                (
                    f"It can touch {leaning}, but a {f.finding} with no stated pressure on the "
                    "root is common in people without pain."
                ),
            )
        return "fits", "fits", f"It can touch {leaning}, the root your symptoms lean to."
    if possible & set(f.roots):
        also = ", ".join(sorted(possible & set(f.roots)))
        return (
            "partly fits",
            "also_possible",
            f"It can touch {also}; your symptoms lean elsewhere but {also} is also possible.",
        )
    target = leaning or "the root your symptoms suggest"
    return "does not fit", "other_root", f"It can touch {', '.join(f.roots)}, not {target}."


def _fit(f: LevelFinding, leaning: str | None, side: str | None, possible: set[str]) -> LevelFit:
    fit, why, reason = _judge(f, leaning, side, possible)
    return LevelFit(f.level, f.finding, f.roots, f.side, fit, reason, why)


# A reason carried from an earlier log entry, read from the notes or from answers that
# disagree (engine/log_screen.py, rereading.py) is the same warning sign as its rule.
_READ_AGAIN = ("earlier_", "reread_", "note_")


def _rule_id(reason_id: str) -> str:
    while reason_id.startswith(_READ_AGAIN):
        reason_id = reason_id.split("_", 1)[1]
    return reason_id


def _cauda_equina(report: ImagingReport, assessment: Mapping[str, Any]) -> CaudaEquina:
    ids = set(load_vocabulary().raw["cauda_equina_symptoms"]["reason_ids"])
    urgency = assessment.get("urgency") or {}
    reasons = urgency.get("reasons") or [] if isinstance(urgency, Mapping) else []
    matching = tuple(
        r["id"]
        for r in reasons
        if isinstance(r, Mapping) and isinstance(r.get("id"), str) and _rule_id(r["id"]) in ids
    )
    if not report.cauda_equina_risk:
        return CaudaEquina(False, matching, False, "")
    # Filled per call: the sentence names the deployment region's emergency number.
    plain = fill(load_vocabulary().raw["plain"]["cauda_equina"], current_region())
    if matching:
        return CaudaEquina(True, matching, True, plain["with_symptoms"])
    return CaudaEquina(True, (), False, plain["alone"])


def _rates(report: ImagingReport, age: int | None) -> tuple[AgeRate, ...]:
    if age is None:
        return ()
    names = [f.finding for f in report.abnormal] + [o.finding for o in report.other_findings]
    found = [rate(n, age) for n in dict.fromkeys(names)]
    return tuple(r for r in found if r is not None)


def _verdict(fits: list[LevelFit], leaning: str | None, report: ImagingReport) -> tuple[str, str]:
    kinds = {f.fit for f in fits}
    if not report.levels:
        return "cannot tell", "No level could be read from the report."
    if leaning is None:
        return "cannot tell", "Your symptoms do not point clearly to one nerve root yet."
    if "fits" in kinds:
        return "matches", f"The report has a finding that can touch {leaning}."
    if "partly fits" in kinds:
        return "partly matches", "The report fits your symptoms only in part."
    if not any(f.roots for f in report.abnormal):
        return "does not match", "The report names no finding that can touch a nerve root."
    return "does not match", f"No finding in the report can touch {leaning}."


def compare(report: ImagingReport, assessment: Mapping[str, Any], age: int | None) -> Concordance:
    """Compare a read report with the engine's assessment dict (leaning, side, roots, urgency)."""
    if not isinstance(assessment, Mapping):
        raise TypeError("assessment must be the engine's assessment dict")
    leaning = assessment.get("leaning")
    side = assessment.get("side")
    probs = {r.get("root"): float(r.get("probability", 0)) for r in assessment.get("roots") or []}
    threshold = float(load_vocabulary().raw["concordance"]["also_possible"])
    possible = {root for root, p in probs.items() if p >= threshold and root != leaning}
    fits = [_fit(f, leaning, side, possible) for f in report.abnormal]
    verdict, headline = _verdict(fits, leaning, report)
    reasons = [headline] + [f"{f.level}: {f.reason}" for f in fits]
    if report.unread:
        reasons.append(f"{len(report.unread)} sentence(s) of the report could not be read.")
    roots = tuple(dict.fromkeys(r for f in report.abnormal for r in f.roots))
    return Concordance(
        verdict, leaning, side, roots, tuple(reasons), tuple(fits), _rates(report, age),
        _cauda_equina(report, assessment),
        ("fardon2014", "pfirrmann2004", "radiopaedia_disc_location", "kim2000", "brinjikji2015",
         "brinjikji2015b", "girft2023", "radiculog_method"),
    )  # fmt: skip
