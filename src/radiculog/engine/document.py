"""The assessment as a JSON-ready document (radiculog/assessment@1 plus extra fields)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from radiculog import __version__
from radiculog.engine.card import DailyCheck
from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.wording import SIGNAL_WORDS, evidence_text, weakness_text

if TYPE_CHECKING:
    from radiculog.engine.assessment import Assessment

SCHEMA = "radiculog/assessment@1"


def _urgency(a: Assessment, k: Knowledge) -> dict[str, Any]:
    advice = k.tiers[a.urgency.tier]
    return {
        "tier": a.urgency.tier,
        "screening_complete": a.urgency.screening_complete,
        "missing": list(a.urgency.missing),
        "read_as_yes": list(a.urgency.read_as_yes),
        "headline": advice.title,
        "action": advice.do,
        "timing": advice.within,
        "reasons": [
            {
                "id": r.id,
                "tier": r.tier,
                "text": r.text,
                "action": r.action,
                "timing": k.tiers[r.tier].within,
                "sources": list(r.sources),
            }
            for r in a.urgency.reasons
        ],
    }


def _roots(a: Assessment, k: Knowledge) -> list[dict[str, Any]]:
    return [
        {
            "root": score.root,
            "probability": round(score.probability, 4),
            "evidence": [
                {
                    "finding": e.finding,
                    "signal": e.signal,
                    "signal_words": SIGNAL_WORDS[e.signal],
                    "side": e.side,
                    "lr": round(e.lr, 3),
                    "lr_vs_other_roots": round(e.lr_rest, 3),
                    "direction": e.direction,
                    "text": evidence_text(e, k),
                    "sources": list(e.sources),
                    **({"counted_with": e.counted_with} if e.counted_with else {}),
                }
                for e in score.evidence
            ],
        }
        for score in a.roots.scores
    ]


def _pair(a: Assessment) -> dict[str, Any] | None:
    pair = a.roots.pair
    return {"roots": list(pair), "label": a.roots.pair_label} if pair else None


def _gate(a: Assessment) -> dict[str, Any]:
    gate = a.roots.gate
    return (
        {"state": gate.state, "reasons": list(gate.reasons)}
        if gate
        else {"state": "open", "reasons": []}
    )


def _check(check: DailyCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {
        "test": check.test.id,
        "root": check.root,
        "for_leaning": check.leaning,
        "name": check.test.name,
        "how": list(check.test.how),
        "safety": check.test.safety,
        "watch_for": check.test.watch_for,
        "sources": list(check.test.sources),
    }


def _card(a: Assessment) -> dict[str, Any]:
    card = a.card
    return {
        "tier": card.tier,
        "title": card.title,
        "do": card.do,
        "within": card.within,
        "tell": card.tell,
        "meanwhile": list(card.meanwhile),
        "avoid": list(card.avoid),
        "daily_check": _check(card.daily_check),
        "also_check": _check(card.also_check),
    }


def _notes_read(a: Assessment) -> list[dict[str, Any]]:
    """What was read in the person's own words (an extension: absent from assessment@1)."""
    return [
        {
            "question": s.question,
            "sign": s.sign,
            "quote": s.quote,
            "text": s.said,
            "from": s.where,
            "at": s.at.isoformat() if s.at else None,
            "sources": list(s.sources),
        }
        for s in a.notes_read
    ]


def _cited(a: Assessment) -> set[str]:
    """Every source id the document cites (a test checks this against a walk of the document)."""
    found: set[str] = set()
    for reason in a.urgency.reasons:  # a log's escalation reasons are among these
        found.update(reason.sources)
    for score in a.roots.scores:
        for e in score.evidence:
            found.update(e.sources)
    for explanation in a.other_explanations:
        found.update(explanation.sources)
    for check in (a.card.daily_check, a.card.also_check):
        if check is not None:
            found.update(check.test.sources)
    for sign in a.notes_read:
        found.update(sign.sources)
    return found


def assessment_document(a: Assessment) -> dict[str, Any]:
    k = load_knowledge()
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "engine_version": __version__,
        "knowledge_version": a.knowledge_version,
        "urgency": _urgency(a, k),
        "radicular": {
            "likely": a.radicular.likely,
            "yes_count": a.radicular.yes_count,
            "items": [
                {
                    "id": item.id,
                    "question": k.questions[item.id].text,
                    "answer": item.answer.value,
                    "from": item.source,
                }
                for item in a.radicular.items
            ],
        },
        "roots": _roots(a, k),
        "leaning": a.roots.leaning,
        "leaning_pair": _pair(a),
        "root_gate": _gate(a),
        "not_root": {
            "probability": round(a.roots.not_root, 4),
            "alternatives": [
                {"id": cause, "probability": round(share, 4)}
                for cause, share in a.roots.alternatives
            ],
        },
        "confidence": a.roots.confidence,
        "side": a.roots.side,
        "overlap_note": k.overlap["text"],
        "weakness": [
            {
                "test": w.test,
                "weaker_side": w.weaker_side,
                "left": w.left,
                "right": w.right,
                "text": weakness_text(w, k),
            }
            for w in a.weaknesses
        ],
        "other_explanations": [
            {"id": e.id, "title": e.title, "text": e.text, "sources": list(e.sources)}
            for e in a.other_explanations
        ],
        "decision_card": _card(a),
        "disclaimer": k.disclaimer,
        "notes_read": _notes_read(a),
    }
    if a.trend is not None:
        from radiculog.engine.trend import trend_document

        doc["trend"] = trend_document(a.trend)
    doc["sources"] = {
        sid: {
            "citation": k.sources[sid].citation(),
            "year": k.sources[sid].year,
            "url": k.sources[sid].url,
        }
        for sid in sorted(_cited(a))
    }
    return doc
