"""What one answer alone would mean, asked of the engine, never listed by hand.

The pages use it to show "if this is happening, get help now" beside a question
the moment it is answered yes (CSS only, so it works with JavaScript off), to
name unanswered danger questions on the result, and to know which questions the
"No to all of these" shortcut may answer (only those where no is reassuring).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import radiculog
from radiculog.engine.knowledge import TIERS
from radiculog.web.selfcheck import wording
from radiculog.web.selfcheck.session import schema_for

RANK = {tier: i for i, tier in enumerate(TIERS)}


def tier_of(findings: dict[str, Any]) -> str:
    result: dict[str, Any] = radiculog.assess(findings).to_dict()
    return str(result["urgency"]["tier"])


@cache
def reassuring() -> dict[str, bool]:
    """The answers to the danger questions that together fire no rule: found by
    flipping any answer whose other value lowers the engine's tier."""
    answers = {q: False for q in wording.knowledge().screening_ids}
    for qid in answers:
        flipped = {**answers, qid: not answers[qid]}
        if RANK[_tier(flipped)] < RANK[_tier(answers)]:
            answers = flipped
    return answers


@cache
def alarming_answer(qid: str) -> bool | None:
    """The answer to this danger question that alone, with every other answer
    reassuring, raises the tier (yes for most, no for "can you walk"), or None."""
    calm = reassuring()
    if qid not in calm:
        return None
    flipped = {**calm, qid: not calm[qid]}
    return flipped[qid] if RANK[_tier(flipped)] > RANK[_tier(calm)] else None


def _tier(answers: dict[str, bool]) -> str:
    return tier_of({"schema": schema_for(answers), "answers": answers})


def tier_if_alarming(qid: str) -> str | None:
    """The tier this question's alarming answer gives with every other answer reassuring."""
    answer = alarming_answer(qid)
    return None if answer is None else _tier({**reassuring(), qid: answer})


def go_now_signs() -> list[str]:
    """The danger questions whose alarming answer alone means an emergency, in asking
    order: the "go now" list every result and the home page show, so a question added
    to the knowledge joins it without a list kept by hand."""
    return [q for q in wording.knowledge().screening_ids if tier_if_alarming(q) == "emergency"]


def shortcut_fills(qid: str) -> bool:
    """The "No to all" shortcut may answer this question no: no is never the alarming answer."""
    return alarming_answer(qid) is not False
