"""The assessment as plain text for a person: short sentences, most important first."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.trend import trend_text
from radiculog.engine.wording import evidence_text, weakness_text

if TYPE_CHECKING:
    from radiculog.engine.assessment import Assessment

ICONS = {"emergency": "!!!", "urgent": "!!", "soon": "!", "watchful": "~"}
WIDTH = 76


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent))


def _bullets(lines: list[str] | tuple[str, ...]) -> list[str]:
    return [_wrap(line, "  - ") for line in lines]


def _urgency(a: Assessment, k: Knowledge) -> list[str]:
    tier = a.urgency.tier
    advice = k.tiers[tier]
    out = [f"[{ICONS[tier]}] {advice.title.upper()}", _wrap(advice.do, ""), ""]
    out.append("Why:")
    # A less urgent reason keeps its words but not its action: "book within days" under
    # an emergency would contradict the tier (hazard log H22).
    out += _bullets(
        [f"{r.text} {r.action}" if r.tier == tier else r.text for r in a.urgency.reasons]
    )
    if not a.urgency.screening_complete:
        missing = ", ".join(k.questions[q].short for q in a.urgency.missing)
        out += ["", _wrap(f"Safety check NOT complete. Still to answer: {missing}.", "")]
    if tier == "emergency":
        out += ["", _wrap(f"What to tell them: {a.card.tell}", "")]
    return out


def _roots(a: Assessment, k: Knowledge) -> list[str]:
    r = a.roots
    if r.leaning:
        head = f"Which nerve root: the evidence leans to {r.leaning} ({r.confidence} confidence)"
    elif r.pair_label:
        head = f"Which nerve root: the evidence leans to {r.pair_label} ({r.confidence} confidence)"
    elif r.gate is not None and r.gate.state == "closed":
        head = "Which nerve root: no leaning; this picture may not come from a nerve root"
    else:
        head = "Which nerve root: no clear leaning; the evidence is too weak or too mixed"
    side = {"left": "left leg", "right": "right leg", "both": "both legs"}.get(r.side or "", "")
    out = [head + (f", {side}." if side else ".")]
    for score in r.scores[:3]:
        bar = "#" * round(score.probability * 30)
        out.append(f"  {score.root:<3} {bar:<30} {score.probability:4.0%}")
    if r.not_root >= 0.005:  # issue 26: the other causes weighed in the same model
        bar = "#" * round(r.not_root * 30)
        out.append(f"  not a nerve root: {bar:<30} {r.not_root:4.0%}")
    top = r.scores[0]
    if top.evidence:
        out.append(f"Why {top.root}:")
        out += _bullets([evidence_text(e, k) for e in top.evidence])
    out.append(_wrap(k.overlap["text"], ""))
    return out


def _card(a: Assessment, k: Knowledge) -> list[str]:
    card = a.card
    out: list[str] = []
    if card.meanwhile:
        out += ["Meanwhile:", *_bullets(card.meanwhile), "Avoid:", *_bullets(card.avoid)]
    check = card.daily_check
    if check:
        why = "for the leaning root" if check.leaning else f"for {check.root}, the most likely root"
        title = "Your one daily check" if card.also_check is None else "Your daily checks"
        out += [f"{title} ({why}): {check.test.name}"]
        out += _bullets(check.test.how)
        out += [_wrap(f"Safety: {check.test.safety} Watch for {check.test.watch_for}.", "")]
    also = card.also_check
    if also:
        out += [f"And ({also.root} is next most likely): {also.test.name}"]
        out += _bullets(also.test.how)
        out += [_wrap(f"Safety: {also.test.safety} Watch for {also.test.watch_for}.", "")]
    return out


def render(a: Assessment) -> str:
    k = load_knowledge()
    parts: list[list[str]] = [_urgency(a, k)]
    if a.notes_read:  # said back whatever the tier: the person sees their words were read
        parts.append(["What you wrote:", *_bullets([s.said for s in a.notes_read])])
    if a.urgency.tier != "emergency":
        checklist = (
            f"Nerve-root checklist: {a.radicular.yes_count} of 4 yes, so nerve-root irritation "
            + ("is likely." if a.radicular.likely else "is not clearly shown.")
        )
        parts.append([checklist])
        parts.append(_roots(a, k))
        if a.weaknesses:
            parts.append(["Strength:", *_bullets([weakness_text(w, k) for w in a.weaknesses])])
        if a.other_explanations:
            lines = [f"{e.title}: {e.text}" for e in a.other_explanations]
            parts.append(["Other explanations to consider (not a diagnosis):", *_bullets(lines)])
        if a.trend is not None:
            parts.append(
                [f"Your log ({a.trend.entries} entries):", *_bullets(trend_text(a.trend, k))]
            )
        parts.append(_card(a, k))
    parts.append([_wrap(k.disclaimer, "")])
    return "\n\n".join("\n".join(p) for p in parts if p) + "\n"
