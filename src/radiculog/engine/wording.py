"""Short plain-language phrases for findings, shared by the JSON and text outputs."""

from __future__ import annotations

from radiculog.engine.function import Weakness
from radiculog.engine.knowledge import Knowledge
from radiculog.engine.roots import Evidence
from radiculog.engine.roots_evidence import BOTH

SIGNAL_WORDS = {
    "pain": "pain route (least specific)",
    "sensation": "changed feeling",
    "function": "strength test",
    "reflex": "reflex (clinician)",
    "provocation": "stretch test (clinician)",
}


def _value(value: object) -> str:
    return "not tested" if value is None else str(value)


def weakness_text(w: Weakness, knowledge: Knowledge) -> str:
    name = knowledge.home_tests[w.test].name
    weak = w.left if w.weaker_side == "left" else w.right
    strong = w.right if w.weaker_side == "left" else w.left
    return f"{name}: weaker on the {w.weaker_side} ({_value(weak)} vs {_value(strong)})."


def evidence_text(e: Evidence, knowledge: Knowledge) -> str:
    kind, finding = e.finding.split(":", 1)
    both = e.detail.endswith(BOTH)
    side = f" ({e.side})" if e.side else " (both legs)" if both else ""
    detail = e.detail.removesuffix(BOTH)
    if kind == "pain":
        what = f"Pain in the {knowledge.regions[finding].label}{side}"
    elif kind == "sensation":
        how = "in the same spot on repeated checks" if detail == "repeatable" else "noticed once"
        what = f"Changed feeling in the {knowledge.regions[finding].label}{side}, {how},"
    elif kind == "function":
        name = knowledge.home_tests[finding].name
        what = f"{name} {detail}"
    elif kind == "reflex":
        what = f"{knowledge.reflexes[finding].capitalize()} {detail}{side}"
    else:
        what = f"{knowledge.provocation[finding].capitalize()} {detail}{side}"
    verb = "points toward" if e.lr > 1 else "points away from"
    if kind == "function" and e.lr > 1:
        what += ","
    text = f"{what} {verb} {e.root} ({clue_strength(e.lr_rest)} clue)."
    if e.counted_with:  # issue 26: one region or muscle group is one piece of evidence
        text += f" Counted with {_finding_words(e.counted_with, knowledge)} as one clue."
    return text


def _finding_words(finding: str, knowledge: Knowledge) -> str:
    """Short words for a clue named signal:finding (the one another was counted with)."""
    kind, name = finding.split(":", 1)
    if kind == "pain":
        return f"the pain in the {knowledge.regions[name].label}"
    if kind == "sensation":
        return f"the changed feeling in the {knowledge.regions[name].label}"
    if kind == "function":
        return f"the {knowledge.home_tests[name].name.lower()}"
    if kind == "reflex":
        return f"the {knowledge.reflexes[name]}"
    return f"the {knowledge.provocation[name]}"


def clue_strength(lr: float) -> str:
    """Words for a likelihood ratio, so a person needs no statistics."""
    strength = max(lr, 1 / lr)
    return "strong" if strength >= 3 else "moderate" if strength >= 1.8 else "weak"
