"""The more urgent reading: answers that other findings contradict, and what was written.

A "no" (or an unanswered question) that the body map, the onset, the strength tests or
another answer contradicts (knowledge/disagreements.toml), or that the person's own
notes answer (knowledge/note_phrases.toml), is read as "yes" in a second reading. The
screen runs on both and keeps every reason of the first, so a second reading can only
add reasons: it never lowers a tier. Each reason it adds says which answers disagreed,
or quotes what the person wrote.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, NamedTuple

from radiculog.engine import notes
from radiculog.engine.findings import NO, UNANSWERED, YES, Findings
from radiculog.engine.knowledge import TIERS

if TYPE_CHECKING:
    from radiculog.engine.red_flags import Reason

ONSET_FACT = "onset_within_days"


class Reread(NamedTuple):
    """One question read as "yes", and why (said before the rule's own words)."""

    question: str
    kind: str  # "reread" (answers disagree) or "note" (what was written)
    said: str
    sources: tuple[str, ...]


class Disagreement(NamedTuple):
    id: str
    question: str
    overrides: frozenset[str]  # answer values: "no", "unanswered"
    when_yes: frozenset[str]
    when_facts: frozenset[str]
    said: str
    sources: tuple[str, ...]
    unless_facts: frozenset[str] = frozenset()  # none of these may hold


class _Rules(NamedTuple):
    new_within_days: int
    disagreements: tuple[Disagreement, ...]
    questions: frozenset[str]  # the questions any disagreement reads
    keys: frozenset[str] | None  # a yes or fact every disagreement needs one of (None: no key)


def _parse(raw: dict[str, Any]) -> _Rules:
    found = tuple(
        Disagreement(
            d["id"],
            d["question"],
            frozenset(d["overrides"]),
            frozenset(d.get("when_yes", ())),
            frozenset(d.get("when_facts", ())),
            d["said"],
            tuple(d["sources"]),
            frozenset(d.get("unless_facts", ())),
        )
        for d in raw["disagreement"]
    )
    for d in found:
        if not d.overrides <= {NO.value, UNANSWERED.value}:
            raise ValueError(f"disagreements.toml {d.id}: overrides only 'no' or 'unanswered'")
    keyed = [(d.when_facts - {ONSET_FACT}) | d.when_yes for d in found]
    keys = frozenset().union(*keyed) if all(keyed) else None
    return _Rules(int(raw["new_within_days"]), found, frozenset(d.question for d in found), keys)


@cache
def rules() -> _Rules:
    path = resources.files("radiculog.knowledge").joinpath("disagreements.toml")
    return _parse(tomllib.loads(path.read_text("utf-8")))


def disagreements(findings: Findings, known: set[str]) -> list[Reread]:
    """The questions whose answer other findings contradict."""
    r = rules()
    days = findings.days_since_onset
    facts = known | {ONSET_FACT} if days is not None and days <= r.new_within_days else known
    yes = findings.yes
    found = []
    for d in r.disagreements:
        if (
            findings.answer(d.question).value in d.overrides
            and yes.issuperset(d.when_yes)
            and facts.issuperset(d.when_facts)
            and facts.isdisjoint(d.unless_facts)
        ):
            found.append(Reread(d.question, "reread", d.said.format(days=days), d.sources))
    return found


def note_rereads(findings: Findings) -> list[Reread]:
    """The questions the person's notes answer yes that their answers do not."""
    signs = notes.read(findings.notes, days_since_onset=findings.days_since_onset)
    return [
        Reread(s.question, "note", s.said, (*s.sources, *notes.negation_sources()))
        for s in signs
        if findings.answer(s.question) is not YES
    ]


def rereads(findings: Findings, known: set[str]) -> list[Reread]:
    found = note_rereads(findings) if findings.notes else []
    r = rules()
    # Most findings have no yes or fact a disagreement needs: skip them quickly.
    if r.keys is None or not (r.keys.isdisjoint(known) and r.keys.isdisjoint(findings.yes)):
        found += disagreements(findings, known)
    return found


def read_as_yes(findings: Findings, known: set[str]) -> tuple[str, ...]:
    """The questions the more urgent reading reads as yes, each once."""
    return tuple(dict.fromkeys(r.question for r in rereads(findings, known)))


def read_yes(findings: Findings, questions: Iterable[str]) -> Findings:
    """The same findings with ``questions`` answered yes."""
    return replace(findings, answers={**findings.answers, **dict.fromkeys(questions, YES)})


def _said(reason: Reason, why: list[Reread]) -> Reason:
    said = " ".join(dict.fromkeys(r.said for r in why))
    sources = tuple(dict.fromkeys((*reason.sources, *(s for r in why for s in r.sources))))
    return reason._replace(
        id=f"{why[0].kind}_{reason.id}", text=f"{said} {reason.text}", sources=sources
    )


def more_urgent_reading(
    findings: Findings,
    known: set[str],
    fired: list[Reason],
    fire: Callable[[Findings], list[Reason]],
) -> list[Reason]:
    """``fired`` (the screen on the answers as given) and every reason the more urgent
    reading adds, each read alone first so its words name the answers that disagreed;
    most urgent first."""
    found = rereads(findings, known)
    if not found:
        return fired
    have = {r.id for r in fired}
    added: list[Reason] = []
    groups = [[r] for r in found] + ([found] if len(found) > 1 else [])
    for group in groups:
        for reason in fire(read_yes(findings, (r.question for r in group))):
            if reason.id not in have and reason.tier != "watchful":
                have.add(reason.id)
                added.append(_said(reason, group))
    if not added:
        return fired
    return sorted([*fired, *added], key=lambda r: -TIERS.index(r.tier))
