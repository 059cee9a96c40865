"""Issue 27's safety properties, over any log: any entries and clinician-seen records,
in any order, give a tier at least as high as every warning sign of the window that
no record releases (at least urgent for an unseen cauda equina sign before it); a
record never lowers the tier for a sign dated after it; an entry dated after the
present cannot take a sign of the entries before it out of the tier.

The oracle is written apart from the engine: each entry assessed on its own, and a
record releasing a sign when it is at or before now, at or after the entry, and names
the sign (or names none)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.engine.log_visits import Visit
from radiculog.engine.trend import assess_log
from tests.conftest import findings

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
RANK = {"watchful": 0, "soon": 1, "urgent": 2, "emergency": 3}
WINDOW = timedelta(days=14)
CES = {"bladder_change", "saddle_numbness"}
SIGNS = ["bladder_change", "fever", "saddle_numbness", "sleep_disrupted", "cancer_history"]
NOT_SIGNS = {"no_warning_signs", "screening_incomplete"}

entry_st = st.fixed_dictionaries(
    {
        "hours_ago": st.integers(0, 24 * 24),
        "yes": st.sets(st.sampled_from(SIGNS), max_size=2),
        "left": st.integers(0, 12),
        "legs": st.sampled_from([["left"], ["left", "right"]]),
    }
)
visit_st = st.fixed_dictionaries(
    {
        "hours_ago": st.integers(-72, 24 * 24),  # negative: a booked appointment
        "signs": st.none() | st.sets(st.sampled_from([*SIGNS, "second_leg_new"]), max_size=3),
    }
)


def _doc(entry: dict[str, Any]) -> dict[str, Any]:
    pain = [{"region": "calf", "side": side} for side in entry["legs"]]
    return findings(
        answers=dict.fromkeys(entry["yes"], True),
        pain=pain,
        function=[{"test": "toe_lift", "left": entry["left"], "right": 10}],
    )


def _at(hours_ago: int) -> datetime:
    return NOW - timedelta(hours=hours_ago)


def _log(entries: list[dict[str, Any]]) -> tuple[Any, ...]:
    items = [{"at": _at(e["hours_ago"]).isoformat(), "findings": _doc(e)} for e in entries]
    return radiculog.parse_log({"schema": "radiculog/log@1", "entries": items})


def _visits(visits: list[dict[str, Any]]) -> list[Visit]:
    return [
        Visit(_at(v["hours_ago"]), None if v["signs"] is None else frozenset(v["signs"]))
        for v in visits
    ]


def _released(rule: str, at: datetime, visits: list[Visit]) -> bool:
    return any(NOW >= v.at >= at and (v.signs is None or rule in v.signs) for v in visits)


def _floor(entries: list[dict[str, Any]], visits: list[Visit]) -> int:
    """The lowest tier the log may have: each unreleased sign of the window at its
    own tier, an unreleased cauda equina sign before the window at urgent."""
    floor = 0
    for entry in entries:
        at = _at(entry["hours_ago"])
        for r in radiculog.assess(_doc(entry)).urgency.reasons:
            if r.id in NOT_SIGNS or _released(r.id, at, visits):
                continue
            if at >= NOW - WINDOW:
                floor = max(floor, RANK[r.tier])
            elif r.id in CES:
                floor = max(floor, RANK["urgent"])
    return floor


@settings(max_examples=150, deadline=None)
@given(st.lists(entry_st, min_size=1, max_size=6), st.lists(visit_st, max_size=3), st.randoms())
def test_no_order_of_entries_and_records_makes_the_log_quieter_than_its_signs(
    entries: list[dict[str, Any]], raw_visits: list[dict[str, Any]], rnd: Any
) -> None:
    visits = _visits(raw_visits)
    typed = list(entries)
    rnd.shuffle(typed)  # the order of typing does not matter
    rnd.shuffle(visits)
    tier = assess_log(_log(typed), visits, now=NOW).urgency.tier
    assert RANK[tier] >= _floor(entries, visits)


@settings(max_examples=100, deadline=None)
@given(st.lists(entry_st, min_size=1, max_size=5), visit_st)
def test_a_record_never_lowers_the_tier_for_a_sign_dated_after_it(
    entries: list[dict[str, Any]], raw: dict[str, Any]
) -> None:
    (visit,) = _visits([raw])
    later = [e for e in entries if _at(e["hours_ago"]) > visit.at]
    tier = assess_log(_log(entries), [visit], now=NOW).urgency.tier
    assert RANK[tier] >= _floor(later, [])


@settings(max_examples=100, deadline=None)
@given(st.lists(entry_st, min_size=1, max_size=5), entry_st, st.integers(1, 24 * 400))
def test_an_entry_after_the_present_keeps_every_sign_before_it(
    entries: list[dict[str, Any]], extra: dict[str, Any], ahead: int
) -> None:
    future = {**extra, "hours_ago": -ahead, "yes": set()}
    tier = assess_log(_log([*entries, future]), now=NOW).urgency.tier
    assert RANK[tier] >= _floor(entries, [])


findings_st = st.fixed_dictionaries(
    {
        "yes": st.sets(st.sampled_from([*SIGNS, "both_legs", "weakness_new", "bowel_change"])),
        "no": st.sets(st.sampled_from(["weakness_new", "both_legs"])),
        "left": st.sampled_from([0, 3, 10, "unable", "weaker", "normal"]),
        "right": st.sampled_from([0, 3, 10, "unable", "weaker", "normal"]),
        "marks": st.sets(st.sampled_from(["left", "right", "saddle"])),
    }
)


@settings(max_examples=300, deadline=None)
@given(findings_st)
def test_the_cheap_cauda_equina_test_never_skips_an_entry_whose_rule_fires(
    raw: dict[str, Any],
) -> None:
    """log_screen.may_fire_ces lets older_reasons skip entries: it may say yes too
    often, never no when a cauda equina rule fires."""
    from radiculog.engine.knowledge import load_knowledge
    from radiculog.engine.log_screen import may_fire_ces
    from radiculog.engine.red_flags import fired_reasons

    k = load_knowledge()
    answers = {**dict.fromkeys(raw["no"], False), **dict.fromkeys(raw["yes"], True)}
    pain = [
        {"region": "saddle"} if m == "saddle" else {"region": "calf", "side": m}
        for m in raw["marks"]
    ]
    doc = findings(
        answers=answers,
        pain=pain,
        function=[{"test": "toe_lift", "left": raw["left"], "right": raw["right"]}],
    )
    entry = radiculog.parse_log(
        {"schema": "radiculog/log@1", "entries": [{"at": NOW.isoformat(), "findings": doc}]}
    )[0]
    from radiculog.engine.log_screen import carried_rules, rule_of

    carried = carried_rules(k)
    if carried & {rule_of(r.id) for r in fired_reasons(entry.findings, k)}:
        assert may_fire_ces(entry.findings, k)


def test_every_cauda_equina_rule_is_keyed_by_what_the_cheap_test_reads() -> None:
    from radiculog.engine.knowledge import load_knowledge
    from radiculog.engine.log_screen import CES_FACTS, carried_rules

    k = load_knowledge()
    ids = set(carried_rules(k))
    rules = [r for r in k.rules if r.id in ids]
    assert {r.id for r in rules} == ids  # each listed id is a rule
    for rule in rules:
        assert rule.when_yes or set(rule.when_facts) & CES_FACTS, rule.id
