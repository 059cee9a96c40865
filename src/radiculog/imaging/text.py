"""Plain-language text of a read report, and of how it fits the symptoms."""

from __future__ import annotations

from typing import Any

from radiculog.engine.services import current_region, fill
from radiculog.imaging.concordance import Concordance
from radiculog.imaging.prevalence import AgeRate
from radiculog.imaging.report import UNREAD_REASONS, ImagingReport, LevelFinding, UnreadDetail
from radiculog.imaging.vocabulary import load_vocabulary

DISCLAIMER = (
    "This reads the words of the report, not the scan itself. It can miss or misread things. "
    "Talk it through with the clinician who looks after you."
)
VERDICT_WORDS = {
    "matches": "The report fits your symptoms.",
    "partly matches": "The report fits your symptoms in part.",
    "does not match": "The report does not fit your symptoms well.",
    "cannot tell": "We cannot tell yet how the report fits your symptoms.",
}


def _plain() -> dict[str, Any]:
    plain: dict[str, Any] = load_vocabulary().raw["plain"]
    return plain


def finding_sentence(f: LevelFinding) -> str:
    """One level's finding in plain words: what, where, which root, what it does to it."""
    plain = _plain()
    words = [plain["finding"][f.finding]]
    if not f.is_normal:
        where = plain["position"].get(f.position)
        words += [where] if where and "stenosis" not in f.finding else []
        side = {"left": "on the left", "right": "on the right", "bilateral": "on both sides"}
        words += [side[f.side]] if f.side in side else []
        words += [f"described as {f.severity}"] if f.severity != "unstated" else []
    text = f"{f.level}: " + ", ".join(words) + "."
    if f.roots:
        roots = " and ".join(f.roots)
        plural = "s" if len(f.roots) > 1 else ""
        how = "the report names it" if f.roots_named else "from where it is"
        text += f" A finding at {f.level} can touch the {roots} nerve root{plural} ({how})."
    contact = plain["contact"].get(f.root_contact)
    return f"{text} {contact}" if contact and not f.is_normal else text


def numbering_note(report: ImagingReport) -> str | None:
    """Why a finding at L4-L5 can touch L5 (the question people most often bring)."""
    level = next((f.level for f in report.abnormal if f.roots), None)
    if level is None:
        return None
    upper, lower = level.split("-")
    return (
        f"Why two roots for one level? A disc is named after the two bones around it: {level} "
        f"sits between {upper} and {lower}. The {lower} nerve root runs down past this disc and "
        f"leaves the spine one level lower, so a disc pushing back in or near the middle touches "
        f"{lower}. The {upper} root leaves through the opening at the side, so a finding far out "
        f"to the side touches {upper}."
    )


def meanings(report: ImagingReport) -> list[str]:
    """One plain sentence for each kind of finding in the report."""
    meaning = _plain()["meaning"]
    kinds = dict.fromkeys(f.finding for f in report.abnormal)
    return [meaning[k] for k in kinds if k in meaning]


def rate_sentence(r: AgeRate) -> str:
    names = {"bulge": "a disc bulge", "protrusion": "a disc protrusion",
             "annular fissure": "a small tear in the disc's outer ring",
             "spondylolisthesis": "a slipped bone (spondylolisthesis)"}  # fmt: skip
    name = names.get(r.finding) or _plain()["other"].get(r.finding, r.finding)
    text = f"About {r.percent} in 100 people aged {r.table_age} with no back pain have {name}."
    if r.table_age < r.age:
        text += " It is at least as common at your age."
    elif r.table_age > r.age:
        text += " This is the youngest age in the study."
    return text


def _report_lines(report: ImagingReport) -> list[str]:
    lines = ["What the report says, level by level:"]
    lines += [f"- {finding_sentence(f)}" for f in report.levels] or ["- No level could be read."]
    if report.other_findings:
        plain = _plain()["other"]
        lines.append("Also mentioned (common with age, and not a nerve root finding):")
        lines += [f"- {o.level}: {plain.get(o.finding, o.finding)}." for o in report.other_findings]
    lines += ["", *meanings(report)] if report.abnormal else []
    note = numbering_note(report)
    if note:
        lines += ["", note]
    if report.unread:
        lines.append("We could not read these sentences. Ask your clinician what they mean:")
        reasons = report.unread_reasons or ("",) * len(report.unread)
        details = report.unread_details or (UnreadDetail(),) * len(report.unread)
        for sentence, why, d in zip(report.unread, reasons, details, strict=False):
            lines.append(f'- "{sentence}"{_not_read_at(d)} {UNREAD_REASONS.get(why, "")}'.rstrip())
    return lines


def _not_read_at(d: UnreadDetail) -> str:
    """' (not read: L4-L5, the right L5 root)': an unsure reading says where it is unsure."""
    if not d.levels and not d.roots:
        return ""
    where = ", ".join(d.levels)
    side = f"{d.side} " if d.side in ("left", "right") else ""
    root = f"the {side}{' and '.join(d.roots)} root" if d.roots else ""
    return f" (not read: {', '.join(x for x in (where, root) if x)})"


def cauda_equina_lines(report: ImagingReport, concordance: Concordance | None = None) -> list[str]:
    """What to do first, then where: said before anything else, whatever else is unread."""
    if not report.cauda_equina_risk:
        return []
    advice = concordance.cauda_equina.advice if concordance else None
    plain = fill(load_vocabulary().raw["plain"]["cauda_equina"], current_region())
    lines = [advice or plain["alone"]]
    if report.cauda_equina_levels:
        roots = " and ".join(report.cauda_equina_roots)
        lines.append(
            f"It is at {', '.join(report.cauda_equina_levels)}: the {roots} nerve root"
            f"{'s' if len(report.cauda_equina_roots) > 1 else ''} and those below pass there."
        )
    return [*lines, ""]


def _fit_lines(c: Concordance) -> list[str]:
    lines = ["", "How this fits your leg:", VERDICT_WORDS[c.verdict]]
    lines.append(_plain()["next_step"][c.verdict])
    if c.leaning:
        side = f" on the {c.side}" if c.side in ("left", "right") else ""
        lines.append(f"Your symptoms lean to the {c.leaning} nerve root{side}.")
    lines += [f"- {r}" for r in c.reasons]
    if c.age_rates:
        lines.append("How common these are in people with no back pain:")
        lines += [f"- {rate_sentence(r)}" for r in c.age_rates]
        if c.age_rates[0].age <= 50:
            lines.append(_plain()["common_not_harmless"]["text"])
    return lines


def render_text(report: ImagingReport, concordance: Concordance | None = None) -> str:
    """The whole plain-language text for a person."""
    lines = cauda_equina_lines(report, concordance)
    lines += _report_lines(report)
    if concordance is not None:
        lines += _fit_lines(concordance)
    lines += ["", DISCLAIMER]
    return "\n".join(lines)
