"""Assess one findings document: urgency first, then the root picture."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from radiculog.engine.card import DecisionCard, decision_card, falls
from radiculog.engine.findings import Findings
from radiculog.engine.function import Weakness, weaknesses
from radiculog.engine.knowledge import Explanation, Knowledge, load_knowledge
from radiculog.engine.notes import NoteSign, read
from radiculog.engine.other_explanations import consider, fitting
from radiculog.engine.radicular import Radicular, checklist
from radiculog.engine.red_flags import (
    Reason,
    facts,
    fired_reasons,
    missing_safety,
    most_urgent,
    worded,
)
from radiculog.engine.rereading import read_as_yes
from radiculog.engine.roots import RootPicture, picture

if TYPE_CHECKING:
    from radiculog.engine.trend import Trend


@dataclass(frozen=True)
class Urgency:
    tier: str
    screening_complete: bool
    missing: tuple[str, ...]
    reasons: tuple[Reason, ...]
    # Questions the more urgent reading read as yes (rereading.py): not reassuring answers.
    read_as_yes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    findings: Findings
    urgency: Urgency
    radicular: Radicular
    roots: RootPicture
    weaknesses: tuple[Weakness, ...]
    other_explanations: tuple[Explanation, ...]
    card: DecisionCard
    knowledge_version: str
    trend: Trend | None = field(default=None)
    # Warning words read in what the person wrote (notes; in a log, every entry of the
    # window), said back on every surface whether or not they changed the tier.
    notes_read: tuple[NoteSign, ...] = ()

    @property
    def leaning(self) -> str | None:
        return self.roots.leaning

    def to_dict(self) -> dict[str, object]:
        from radiculog.engine.document import assessment_document

        return assessment_document(self)


def screening_incomplete_reason(missing: list[str], knowledge: Knowledge) -> Reason:
    """Words, tier and sources: knowledge/reasons.toml [screening_incomplete]."""
    return _screening_incomplete(tuple(missing), knowledge)


@lru_cache(maxsize=1024)
def _screening_incomplete(missing: tuple[str, ...], knowledge: Knowledge) -> Reason:
    """Built once per set of unanswered questions (a few recur: none of findings@1's
    answers given, one page left out), as it is immutable."""
    asked = ", ".join(knowledge.questions[q].short for q in missing)
    return worded(knowledge, "screening_incomplete", unanswered=asked)


@cache
def no_warning_signs_reason(knowledge: Knowledge) -> Reason:
    """Words, tier and sources: knowledge/reasons.toml [no_warning_signs]. A NamedTuple:
    one immutable instance per knowledge serves every assessment."""
    return worded(knowledge, "no_warning_signs")


def urgency(
    findings: Findings, knowledge: Knowledge, extra_facts: frozenset[str] = frozenset()
) -> Urgency:
    reasons = fired_reasons(findings, knowledge, extra_facts)
    missing = missing_safety(findings, knowledge)
    if missing:
        # Unanswered is never read as no: an incomplete screen is never watchful.
        reasons.append(screening_incomplete_reason(missing, knowledge))
    if not reasons:
        reasons.append(no_warning_signs_reason(knowledge))
    tier = reasons[0].tier if len(reasons) == 1 else most_urgent([r.tier for r in reasons])
    read = read_as_yes(findings, facts(findings, knowledge)) if _rereads(reasons) else ()
    return Urgency(tier, not missing, tuple(missing), tuple(reasons), read)


def _rereads(reasons: list[Reason]) -> bool:
    return any(r.id.startswith(("reread_", "note_")) for r in reasons)


def assess_findings(
    findings: Findings,
    knowledge: Knowledge | None = None,
    extra_facts: frozenset[str] = frozenset(),
) -> Assessment:
    knowledge = knowledge or load_knowledge()
    urgent = urgency(findings, knowledge, extra_facts)
    radicular = checklist(findings, knowledge)
    fits = fitting(findings, knowledge)
    roots = picture(findings, knowledge, radicular, fits)
    return Assessment(
        findings=findings,
        urgency=urgent,
        radicular=radicular,
        roots=roots,
        weaknesses=tuple(weaknesses(findings)),
        other_explanations=tuple(consider(findings, knowledge, urgent.tier, fits)),
        card=decision_card(knowledge, urgent.tier, roots, urgent.reasons, falls(findings)),
        knowledge_version=knowledge.version,
        notes_read=read(findings.notes, days_since_onset=findings.days_since_onset),
    )
