"""The clinician's first page: who, how long, how urgent and why, the warning-sign
screen with every answer and its date, the root picture with the strength
asymmetry behind it, and the trend in one sentence each.

Written to the clinician (third person, no advice to the patient). Plain Python
over a log@1 or log@2 document and the engine's assessment of it; which answer
is the warning one, and how urgent it is, comes from the knowledge's rules. A
log@2 `clinician_seen` record at or after a warning answer (the engine's rule for
releasing it) is named beside that answer, with its date: the reader sees why an
earlier warning sign no longer holds the tier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.engine.log_visits import base
from radiculog.summary.outcomes import outcome_sentences
from radiculog.summary.sentences import TREND_WORDS
from radiculog.summary.series import entries, parse_at

TIER_WORDS = {
    "emergency": "Emergency: needs same-day emergency assessment",
    "urgent": "Urgent: needs examination today or tomorrow",
    "soon": "Soon: needs a clinician within days",
    "watchful": "Watchful: home care with a twice-daily log, reassess within 72 hours",
}
TIER_RANK = {"watchful": 0, "soon": 1, "urgent": 2, "emergency": 3}


@dataclass(frozen=True)
class ScreenRow:
    question: str  # the short name ("new bladder trouble")
    tier: str  # the tier a warning answer leads to
    latest: str  # the latest answer as given: "yes", "no", or "not asked"
    latest_warning: bool  # the latest answer is the warning one
    latest_at: datetime | None  # the entry the latest answer belongs to
    warning_at: datetime | None  # the first entry with the warning answer, if any
    seen_at: datetime | None = None  # a clinician saw the person at or after the last warning
    # The tier the answer holds the log at now (the engine's reasons for it), or None:
    # released by a clinician-seen record, or older than the window. Shown in place of
    # ``tier`` so the table never shows an old tier under a different headline tier.
    holds: str | None = None

    @property
    def ever_warning(self) -> bool:
        return self.warning_at is not None


@dataclass(frozen=True)
class FirstPage:
    age: int | None
    duration: str
    tier: str
    tier_words: str
    why: list[str]
    screen: list[ScreenRow]
    root: str
    asymmetry: list[str]
    trend: list[str]
    outcomes: list[str] = field(default_factory=list)

    @property
    def any_warning(self) -> bool:
        return any(row.ever_warning for row in self.screen)

    @property
    def listed(self) -> list[ScreenRow]:
        """The rows the table shows: a warning answer at any entry, most urgent first."""
        return [row for row in self.screen if row.ever_warning]

    @property
    def unanswered(self) -> list[ScreenRow]:
        """No answer in the log: not asked, or "not sure" (never read as no)."""
        return [row for row in self.screen if not row.ever_warning and row.latest_at is None]

    @property
    def calm(self) -> list[ScreenRow]:
        """Answered at every time asked and never with the warning answer: named on one
        line, so a phone shows the warnings without a table of "no"."""
        return [row for row in self.screen if not row.ever_warning and row.latest_at is not None]

    @property
    def calm_at(self) -> datetime | None:
        return max((row.latest_at for row in self.calm if row.latest_at), default=None)


def warning_answers(k: Knowledge) -> dict[str, tuple[bool, str]]:
    """Safety question -> (the answer that is a warning, the highest tier it leads to)."""
    out: dict[str, tuple[bool, str]] = {}
    for rule in k.rules:
        for qid, answer in [
            *((q, True) for q in rule.when_yes),
            *((q, False) for q in rule.when_no),
        ]:
            known = out.get(qid)
            if known is None or TIER_RANK[rule.tier] > TIER_RANK[known[1]]:
                out[qid] = (answer, rule.tier)
    return out


def seen_times(log: Mapping[str, Any]) -> list[datetime]:
    """log@2: when a clinician saw the person about their warning signs, oldest first."""
    return sorted(parse_at(s["at"]) for s in log.get("clinician_seen", ()))


def _asked(log: Mapping[str, Any], k: Knowledge) -> list[str]:
    """The safety questions, and any optional warning-sign question (findings@2, such
    as toes catching) that an entry answered: a row per question actually in play."""
    answered = {q for e in entries(log) for q in e["findings"].get("answers", {})}
    return [q for q in k.screening_ids if k.questions[q].group == "safety" or q in answered]


def holding_tiers(assessment: Mapping[str, Any] | None, k: Knowledge) -> dict[str, str]:
    """Question -> the tier its warning answer holds the log at, from the engine's
    reasons (the rule's own, earlier_<rule> or older_<rule>)."""
    rules = {r.id: r for r in k.rules}
    out: dict[str, str] = {}
    for reason in (assessment or {}).get("urgency", {}).get("reasons", []):
        rule = rules.get(base(str(reason.get("id", ""))))
        for qid in (*rule.when_yes, *rule.when_no) if rule else ():
            if TIER_RANK[reason["tier"]] > TIER_RANK.get(out.get(qid, ""), -1):
                out[qid] = reason["tier"]
    return out


def screen(
    log: Mapping[str, Any], k: Knowledge, holding: Mapping[str, str] | None = None
) -> list[ScreenRow]:
    warnings = warning_answers(k)
    seen = seen_times(log)
    rows = []
    for qid in _asked(log, k):
        if qid not in warnings:
            continue
        bad, tier = warnings[qid]
        latest, latest_warning, latest_at, warning_at = "not asked", False, None, None
        last_warning = None
        for entry in entries(log):
            answer = entry["findings"].get("answers", {}).get(qid)
            if answer is None:
                continue  # unanswered is never read as no
            at = parse_at(entry["at"])
            latest, latest_warning, latest_at = ("yes" if answer else "no"), answer == bad, at
            if answer == bad:
                warning_at = warning_at or at
                last_warning = at
        holds = (holding or {}).get(qid) if warning_at else None
        seen_at = next((t for t in seen if last_warning and t >= last_warning), None)
        rows.append(
            ScreenRow(
                k.questions[qid].short,
                tier,
                latest,
                latest_warning,
                latest_at,
                warning_at,
                None if holds else seen_at,
                holds if holding is not None else tier,
            )
        )
    # warnings first (most urgent first), then the rest in the knowledge's order
    return sorted(rows, key=lambda r: (not r.ever_warning, -TIER_RANK[r.tier] * r.ever_warning))


def duration(log: Mapping[str, Any]) -> str:
    """Days from the first symptom date to the latest entry. Each entry's onset date is
    its own date less its days_since_onset (the log page counts each entry's days to
    its own date, so they agree); the earliest is the first symptom date."""
    items = entries(log)
    onsets = [
        parse_at(e["at"]).date() - timedelta(days=days)
        for e in items
        if isinstance(days := e["findings"].get("days_since_onset"), int)
        and not isinstance(days, bool)
    ]
    if not onsets:
        return "Duration not given."
    total = (parse_at(items[-1]["at"]).date() - min(onsets)).days
    weeks = f" (about {total // 7} weeks)" if total >= 14 else ""
    return f"Symptoms for {total} days{weeks} at the latest entry."


def more_urgent_reading(assessment: Mapping[str, Any]) -> list[str]:
    """Warnings the person wrote, and answers other findings contradict (the engine's
    more urgent reading): the answers alone do not show them."""
    out = []
    for item in assessment.get("notes_read", []):
        when = f" on {parse_at(item['at']):%d %b %H:%M}" if item.get("at") else ""
        out.append(f'Written in the {item["from"]}{when}: "{item["quote"]}" ({item["sign"]}).')
    questions = load_knowledge().questions
    for reason in assessment.get("urgency", {}).get("reasons", []):
        rule = str(reason.get("id", "")).removeprefix("earlier_")
        if rule.startswith("reread_"):
            rule = rule.removeprefix("reread_")
            name = questions[rule].short if rule in questions else rule.replace("_", " ")
            out.append(
                f"Answer contradicted by the body map, onset or tests, read the more urgent "
                f"way: {name} ({reason['tier']})."
            )
    return out


def why(assessment: Mapping[str, Any], k: Knowledge, rows: Sequence[ScreenRow]) -> list[str]:
    """The tier's reasons in the clinician's terms (facts, not advice)."""
    out = [
        f"Warning answer{'' if r.latest_warning else ' earlier (not at the latest entry)'}: "
        f"{r.question}, first {r.warning_at:%d %b %H:%M}"
        + (
            f" ({r.holds})."
            if r.holds
            else f"; seen by a clinician {r.seen_at:%d %b %H:%M}, so it no longer holds the tier."
            if r.seen_at
            else "; no longer holds the tier (more than 14 days ago)."
        )
        for r in rows
        if r.ever_warning and r.warning_at is not None
    ]
    names = {t.id: t.name for t in k.home_tests.values()}
    for change in assessment.get("trend", {}).get("function_changes", []):
        if change.get("direction") == "worsening":
            name = names.get(change["test"], change["test"])
            out.append(
                f"{name}, {change['side']}: {change['first']} at first, {change['last']} now "
                "(getting weaker over the log)."
            )
    trend = assessment.get("trend", {})
    if trend.get("sensory") == "spreading":
        out.append(TREND_WORDS["sensory"]["spreading"])
    if trend.get("pain_extent") == "peripheralizing":
        out.append(TREND_WORDS["pain_extent"]["peripheralizing"])
    out += more_urgent_reading(assessment)
    if not out:  # a stable weakness still needs examining (the root picture gives it)
        out += [f"{w['text']} Not getting worse." for w in assessment.get("weakness", [])]
    missing = assessment.get("urgency", {}).get("missing", [])
    if missing:
        out.append(f"Warning-sign screen incomplete: {len(missing)} question(s) not answered.")
    return out or [
        "No warning sign answered yes; strength, numbness area and pain route not worse."
    ]


def root_picture(assessment: Mapping[str, Any]) -> str:
    roots = assessment.get("roots", [])
    leaning = assessment.get("leaning")
    if not leaning or not roots:
        return "No single nerve root stands out."
    side = f", {assessment['side']} side" if assessment.get("side") else ""
    shares = ", ".join(f"{r['root']} {round(100 * r['probability'])}%" for r in roots[:3])
    return f"Looks most like {leaning}{side}; confidence {assessment.get('confidence')} ({shares})."


def first_page(
    log: Mapping[str, Any],
    assessment: Mapping[str, Any] | None,
    rmdq_scores: Sequence[tuple[datetime, int]] = (),
) -> FirstPage | None:
    items = entries(log)
    if not items or assessment is None:
        return None
    k = load_knowledge()
    rows = screen(log, k, holding_tiers(assessment, k))
    tier = str(assessment["urgency"]["tier"])
    trend = assessment.get("trend", {})
    trend_words = [
        TREND_WORDS[f].get(str(trend.get(f)), "") for f in ("function", "sensory", "pain_extent")
    ]
    age = items[-1]["findings"].get("age")
    return FirstPage(
        age=age if isinstance(age, int) else None,
        duration=duration(log),
        tier=tier,
        tier_words=TIER_WORDS.get(tier, tier),
        why=why(assessment, k, rows),
        screen=rows,
        root=root_picture(assessment),
        asymmetry=[str(w["text"]) for w in assessment.get("weakness", [])],
        trend=[t for t in trend_words if t] or ["One entry so far: no trend yet."],
        outcomes=outcome_sentences(log, rmdq_scores),
    )
