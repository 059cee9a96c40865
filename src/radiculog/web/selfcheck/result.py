"""Shape the engine's assessment for the result and emergency pages.

No clinical decision is made here: the tier, reasons, root probabilities and
card all come from `radiculog.assess`. This module only groups them for display
and places the person's own answers beside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import radiculog
from radiculog.web.selfcheck import alarms, bodymap, wording
from radiculog.web.selfcheck.session import findings_from_state
from radiculog.web.selfcheck.steps import SAFETY_TOPICS, step_for_question

TIER_WORDS: dict[str, str | Promise] = {
    "emergency": _("Emergency"),
    "urgent": _("Urgent"),
    "soon": _("Soon"),
    "watchful": _("Watchful care"),
}
CONFIDENCE_WORDS: dict[str, str | Promise] = {
    "low": _("low"),
    "moderate": _("moderate"),
    "high": _("high"),
}
SIDE_WORDS: dict[str, str | Promise] = {"left": _("left"), "right": _("right"), "both": _("both")}
ANSWER_WORDS: dict[str, str | Promise] = {
    "yes": _("Yes"),
    "no": _("No"),
    "unsure": _("Not sure"),
    "": _("Not answered"),
}


def assess_state(state: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = radiculog.assess(findings_from_state(state)).to_dict()
    return result


def _words(value: Any) -> Any:
    """Knowledge sentences through gettext, so a catalog can translate them too."""
    if isinstance(value, str):
        return gettext(value)
    if isinstance(value, list):
        return [_words(v) for v in value]
    return value


def translated_card(card: dict[str, Any]) -> dict[str, Any]:
    fields = ("title", "do", "within", "tell", "meanwhile", "avoid")
    return {k: (_words(v) if k in fields else v) for k, v in card.items()}


@dataclass(frozen=True)
class AnswerRow:
    qid: str
    text: str
    answer: str
    answer_words: str | Promise
    change_slug: str | None


def answer_rows(state: dict[str, Any], ids: list[str]) -> list[AnswerRow]:
    rows = []
    for qid in ids:
        answer = state["answers"].get(qid, "")
        step = step_for_question(qid)
        rows.append(
            AnswerRow(qid, wording.short(qid), answer, ANSWER_WORDS[answer],
                      step.slug if step else None)
        )  # fmt: skip
    return rows


def decision_sides(state: dict[str, Any], a: dict[str, Any]) -> dict[str, Any]:
    """The person's answers placed on the card: what points to calling, what fits watching."""
    k = wording.knowledge()
    # A question is reassuring when answered the way no rule fires on: "no", or "yes"
    # for questions a rule fires on when answered no (such as walking a few minutes).
    fires_on_yes = {q for rule in k.rules for q in rule.when_yes}
    fires_on_no = {q for rule in k.rules for q in rule.when_no} - fires_on_yes
    # A "no" the more urgent reading read as yes is not reassuring (rereading.py).
    contradicted = set(a["urgency"].get("read_as_yes", []))
    fits = [
        q
        for q in k.screening_ids
        if state["answers"].get(q) == ("yes" if q in fires_on_no else "no")
        and q not in contradicted
    ]
    reasons = [
        r
        | {"text": _words(r["text"]), "action": _words(r.get("action", ""))}
        | {"tier_words": TIER_WORDS[r["tier"]], "label": _reason_label(state, r)}
        for r in a["urgency"]["reasons"]
    ]
    return {
        "why": reasons,
        "call": [r for r in reasons if r["tier"] != "watchful"],
        "fits": answer_rows(state, fits),
        "missing": answer_rows(state, list(a["urgency"].get("missing", []))),
    }


def _reason_label(state: dict[str, Any], reason: dict[str, Any]) -> str:
    """A fired rule named by the person's own answer where there is one."""
    rid = reason["id"]
    if rid in wording.knowledge().questions:
        answer = state["answers"].get(rid, "")
        return f"{wording.short(rid)}: {ANSWER_WORDS.get(answer, ANSWER_WORDS[''])}"
    return str(_words(reason["text"]))


MINOR = 0.05  # roots below this share are summed into one line, not given a 0 % bar


def root_rows(a: dict[str, Any]) -> dict[str, Any]:
    """Roots of 5 % or more each get a bar; the rest are named on one summed line."""
    rows, minor = [], []
    for root in a["roots"]:
        if root["probability"] < MINOR:
            minor.append(root)
            continue
        percent = round(root["probability"] * 100)
        rows.append(
            {
                "root": root["root"],
                "percent": percent,
                "bar": max(percent, 1),
                "for": [e for e in root["evidence"] if e["direction"] == "for"],
                "against": [e for e in root["evidence"] if e["direction"] == "against"],
            }
        )
    rest = {
        "names": ", ".join(r["root"] for r in minor),
        "percent": round(sum(r["probability"] for r in minor) * 100),
    }
    # Since issue 26 the roots share the picture with causes that are not a root (the
    # peroneal nerve, the hip): what is left is shown, so the lines add up to 100 %.
    other = (a.get("not_root") or {}).get("probability", 0.0)
    elsewhere = round(other * 100) if other >= MINOR else None
    return {"bars": rows, "rest": rest if minor else None, "not_root": elsewhere}


def picture(state: dict[str, Any]) -> list[dict[str, Any]]:
    """Views of the L4 / L5 / S1 picture with this person's marked regions drawn over."""
    pain, sensory = set(state["pain"]), set(state["sensory"])
    views = []
    for view in bodymap.SHAPES:
        context = bodymap.view_context(view)
        context["marks"] = [
            {"shape": s, "pain": s.key in pain, "sensory": s.key in sensory}
            for s in bodymap.shapes(view)
        ]
        views.append(context)
    return views


def result_context(state: dict[str, Any], a: dict[str, Any]) -> dict[str, Any]:
    net = answer_rows(state, alarms.go_now_signs())
    call_today = go_now(state, a, "urgent")
    sides = decision_sides(state, a)
    shown = {r.qid for r in net} | {r.qid for r in call_today}  # each question listed once
    sides["missing"] = [r for r in sides["missing"] if r.qid not in shown]
    anchor = (
        "not-answered" if sides["missing"] else "go-now-title" if call_today else "safety-net-title"
    )
    return {
        "a": a,
        "tier": a["urgency"]["tier"],
        "tier_words": TIER_WORDS[a["urgency"]["tier"]],
        "confidence_words": CONFIDENCE_WORDS.get(a.get("confidence") or "", ""),
        "side_words": SIDE_WORDS.get(a.get("side") or "", ""),
        "sides": sides,
        "unanswered_anchor": anchor,
        "roots": root_rows(a),
        "safety_net": net,
        # Many unsure go-now signs: one link after the list keeps it on the first screen.
        "net_open": [r for r in net if r.answer in ("", "unsure") and r.change_slug][:1]
        if sum(r.answer in ("", "unsure") for r in net) > 3
        else [],
        "card": translated_card(a["decision_card"]),
        "views": picture(state),
        "marked_any": bool(state["pain"] or state["sensory"]),
        "call_today": call_today,  # the safety net names the "go now" ones
        "acting": a["urgency"]["tier"] in ("emergency", "urgent"),
        "roots_done": "tests" in state["done"] or "symptoms" in state["done"],
        "safety_done": all(s.slug in state["done"] for s in SAFETY_TOPICS),
        "log_url": _log_url(),
    }


def _log_url() -> str | None:
    try:
        return reverse("symptomlog:start")
    except NoReverseMatch:  # the symptom-log app is optional
        return None


def emergency_context(
    state: dict[str, Any], a: dict[str, Any], tier: str = "emergency"
) -> dict[str, Any]:
    """The emergency (or call-today) page: the action first, then why."""
    yes = [q for q, v in state["answers"].items() if v == "yes"]
    reasons = [r for r in a["urgency"]["reasons"] if r["tier"] == tier]
    first = next((step_for_question(r["id"]) for r in reasons), None)
    return {
        "a": a,
        "card": translated_card(a["decision_card"]),
        "reasons": [r | {"text": _words(r["text"])} for r in reasons],
        "told": [wording.short(q) for q in yes if q in wording.knowledge().questions],
        "saddle_marked": "saddle" in state["pain"] or "saddle" in state["sensory"],
        "change_slug": first.slug if first else "now",
        "go_now": go_now(state, a),
    }


def go_now(state: dict[str, Any], a: dict[str, Any], tier: str = "emergency") -> list[AnswerRow]:
    """Danger questions left unanswered or "not sure" whose yes alone would mean
    `tier` (above the result's own): each gets its own "if this is happening" line."""
    if alarms.RANK[a["urgency"]["tier"]] >= alarms.RANK[tier]:
        return []
    ids = [
        q
        for q in wording.knowledge().screening_ids
        if state["answers"].get(q, "") in ("", "unsure") and alarms.tier_if_alarming(q) == tier
    ]
    return answer_rows(state, ids)
