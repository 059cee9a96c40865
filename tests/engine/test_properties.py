"""Safety invariants over generated findings (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.engine.knowledge import TIERS, load_knowledge

K = load_knowledge()
REGIONS = [r for r in K.regions if r != "saddle"]
QUESTIONS = [q.id for q in K.questions.values() if q.since == 1]
TESTS = list(K.home_tests)
VALUES = st.one_of(st.integers(0, 40), st.sampled_from(["normal", "weaker", "unable"]), st.none())
# Single-answer emergency rules: findings@1 ones (for findings@1 documents), then all.
EMERGENCY_FLAGS_2 = [
    min(r.when_yes)
    for r in K.rules
    if r.tier == "emergency" and len(r.when_yes) == 1 and not (r.when_facts or r.when_not_no)
]
EMERGENCY_FLAGS = [q for q in EMERGENCY_FLAGS_2 if K.questions[q].since == 1]
RED_FLAGS = [
    q
    for q in QUESTIONS
    if q not in ("can_walk_short_distances",) and K.questions[q].group == "safety"
]


@st.composite
def findings_docs(draw: st.DrawFn) -> dict[str, Any]:
    answers = draw(st.dictionaries(st.sampled_from(QUESTIONS), st.booleans()))
    side = st.sampled_from(["left", "right"])
    pain = draw(
        st.lists(
            st.fixed_dictionaries({"region": st.sampled_from(REGIONS), "side": side}), max_size=6
        )
    )
    sensory = draw(
        st.lists(
            st.fixed_dictionaries(
                {"region": st.sampled_from(REGIONS), "side": side, "repeatable": st.booleans()}
            ),
            max_size=4,
        )
    )
    tests = draw(st.lists(st.sampled_from(TESTS), unique=True, max_size=4))
    function = []
    for test in tests:
        item: dict[str, Any] = {"test": test}
        for s in ("left", "right"):
            value = draw(VALUES)
            if value is not None:
                item[s] = value
        function.append(item)
    reflexes = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "reflex": st.sampled_from(list(K.reflexes)),
                    "side": side,
                    "result": st.sampled_from(["normal", "reduced", "absent", "brisk"]),
                }
            ),
            max_size=2,
        )
    )
    doc: dict[str, Any] = {
        "schema": "radiculog/findings@1",
        "answers": answers,
        "pain": pain,
        "sensory": sensory,
        "function": function,
        "reflexes": reflexes,
    }
    if draw(st.booleans()):
        doc["age"] = draw(st.integers(18, 95))
    return doc


def rank(tier: str) -> int:
    return TIERS.index(tier)


@settings(max_examples=300, deadline=None)
@given(findings_docs(), st.sampled_from(RED_FLAGS))
def test_adding_a_red_flag_never_lowers_the_tier(doc: dict[str, Any], flag: str) -> None:
    before = radiculog.assess(doc).urgency.tier
    doc["answers"] = {**doc["answers"], flag: True}
    assert rank(radiculog.assess(doc).urgency.tier) >= rank(before)


@settings(max_examples=200, deadline=None)
@given(findings_docs(), st.sampled_from(EMERGENCY_FLAGS))
def test_any_emergency_flag_means_emergency_whatever_else(doc: dict[str, Any], flag: str) -> None:
    doc["answers"] = {**doc["answers"], flag: True}
    assert radiculog.assess(doc).urgency.tier == "emergency"


@settings(max_examples=300, deadline=None)
@given(findings_docs())
def test_probabilities_sum_to_one_and_are_deterministic(doc: dict[str, Any]) -> None:
    first, second = radiculog.assess(doc).to_dict(), radiculog.assess(doc).to_dict()
    assert first == second
    # Issue 26: the roots and "not a nerve root" (other causes in the same model) share 1.
    total = sum(r["probability"] for r in first["roots"]) + first["not_root"]["probability"]
    assert abs(total - 1) < 1e-3


def _mirror(doc: dict[str, Any]) -> dict[str, Any]:
    swap = {"left": "right", "right": "left"}
    out = dict(doc)
    for key in ("pain", "sensory", "reflexes"):
        out[key] = [{**i, "side": swap[i["side"]]} if "side" in i else i for i in doc.get(key, [])]
    out["function"] = [
        {
            "test": f["test"],
            **({"left": f["right"]} if "right" in f else {}),
            **({"right": f["left"]} if "left" in f else {}),
        }
        for f in doc.get("function", [])
    ]
    return out


@settings(max_examples=300, deadline=None)
@given(findings_docs())
def test_mirrored_findings_give_mirrored_results(doc: dict[str, Any]) -> None:
    a, b = radiculog.assess(doc), radiculog.assess(_mirror(doc))
    swap = {"left": "right", "right": "left", "both": "both", None: None}
    assert a.urgency.tier == b.urgency.tier
    assert a.leaning == b.leaning and a.roots.confidence == b.roots.confidence
    assert b.roots.side == swap[a.roots.side]
    pa = {s.root: s.probability for s in a.roots.scores}
    pb = {s.root: s.probability for s in b.roots.scores}
    assert all(abs(pa[r] - pb[r]) < 1e-9 for r in pa)


@settings(max_examples=200, deadline=None)
@given(findings_docs())
def test_no_root_specific_evidence_gives_no_leaning(doc: dict[str, Any]) -> None:
    doc["pain"] = [p for p in doc["pain"] if p["region"] in ("low_back", "buttock")]
    doc["sensory"], doc["function"], doc["reflexes"] = [], [], []
    assert radiculog.assess(doc).leaning is None


@settings(max_examples=300, deadline=None)
@given(findings_docs())
def test_pain_only_findings_never_give_high_confidence(doc: dict[str, Any]) -> None:
    doc["sensory"], doc["function"], doc["reflexes"] = [], [], []
    a = radiculog.assess(doc)
    assert a.roots.confidence == "low" and a.leaning is None


@settings(max_examples=200, deadline=None)
@given(
    findings_docs(), st.sampled_from(TESTS), st.integers(5, 40), st.sampled_from(["left", "right"])
)
def test_a_log_whose_last_entry_is_weaker_is_never_watchful(
    doc: dict[str, Any], test: str, reps: int, side: str
) -> None:
    from radiculog.engine.function import is_weaker

    last_reps = reps // 2 - 1
    assert is_weaker(last_reps, reps)
    first = {**doc, "function": [{"test": test, side: reps}]}
    last = {**doc, "function": [{"test": test, side: last_reps}]}
    log = {
        "schema": "radiculog/log@1",
        "entries": [
            {"at": "2026-11-20T08:00:00Z", "findings": first},
            {"at": "2026-11-21T08:00:00Z", "findings": last},
        ],
    }
    assert radiculog.trend(log).urgency.tier != "watchful"


# --- Issue 9: monotone safety over findings@2, both sides, mixed values, logs. ---

QUESTIONS_2 = [q.id for q in K.questions.values()]
RAISING = [q for q in QUESTIONS_2 if q != "can_walk_short_distances"]  # yes = more worrying
WORDS = ("unable", "weaker", "normal")


@st.composite
def findings2_docs(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(findings_docs())
    doc["schema"] = "radiculog/findings@2"
    doc["answers"] = draw(st.dictionaries(st.sampled_from(QUESTIONS_2), st.booleans()))
    if draw(st.booleans()):
        doc["days_since_onset"] = draw(st.integers(0, 120))
    if draw(st.booleans()):
        doc["age"] = draw(st.integers(10, 100))
    return doc


def tier_of(doc: dict[str, Any]) -> int:
    return rank(radiculog.assess(doc).urgency.tier)


@settings(max_examples=400, deadline=None)
@given(findings2_docs(), st.sampled_from(RAISING))
def test_any_yes_answer_never_lowers_the_tier(doc: dict[str, Any], question: str) -> None:
    before = tier_of(doc)
    doc["answers"] = {**doc["answers"], question: True}
    assert tier_of(doc) >= before


@settings(max_examples=300, deadline=None)
@given(findings2_docs(), st.sampled_from(REGIONS), st.sampled_from(["left", "right"]))
def test_any_marked_region_on_either_leg_never_lowers_the_tier(
    doc: dict[str, Any], region: str, side: str
) -> None:
    before = tier_of(doc)
    doc["pain"] = [*doc["pain"], {"region": region, "side": side}]
    assert tier_of(doc) >= before


def _word(value: object, test: str) -> str | None:
    from radiculog.engine.function import as_word

    return as_word(value, test)  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(findings2_docs(), st.data())
def test_any_weaker_value_never_lowers_the_tier(doc: dict[str, Any], data: st.DataObject) -> None:
    """Lowering a value never lowers the tier, except on the stronger side of a pair that
    was unequal: in one snapshot equal sides above the norm look normal (a residual risk a
    log covers: the over-time rule sees that side drop, test_trend.py)."""
    from radiculog.engine.function import is_weaker

    if not doc["function"]:
        return
    item = data.draw(st.sampled_from(doc["function"]))
    side = data.draw(st.sampled_from(["left", "right"]))
    other = item.get("right" if side == "left" else "left")
    value = item.get(side)
    if value is not None and is_weaker(other, value, item["test"]):
        return  # the stronger side of an unequal pair
    current = WORDS.index(_word(value, item["test"]) or "normal")
    # A count's own word is not weaker than the count: 8 of a norm of 8 reads "normal",
    # and "normal" says less than 8 does against 11 on the other side. So a count may
    # only become a lower count or a lower word.
    if isinstance(value, int):
        words = WORDS[:current]
        lower = data.draw(
            st.one_of(st.sampled_from(words), st.integers(0, value))
            if words
            else st.integers(0, value)
        )
    else:
        lower = data.draw(st.one_of(st.sampled_from(WORDS[: current + 1]), st.integers(0, 2)))
    assume_lower = WORDS.index(_word(lower, item["test"]) or "normal") <= current
    if not assume_lower:
        return
    before = tier_of(doc)
    item[side] = lower
    assert tier_of(doc) >= before


@settings(max_examples=300, deadline=None)
@given(findings2_docs())
def test_mirrored_findings2_give_the_same_tier_and_reasons(doc: dict[str, Any]) -> None:
    a, b = radiculog.assess(doc), radiculog.assess(_mirror(doc))
    assert a.urgency.tier == b.urgency.tier
    assert {r.id for r in a.urgency.reasons} == {r.id for r in b.urgency.reasons}


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(TESTS), st.integers(0, 60), st.sampled_from(WORDS), st.booleans())
def test_a_number_and_its_word_compare_the_same_way(
    test: str, reps: int, word: str, number_left: bool
) -> None:
    from radiculog.engine.function import is_weaker, side_deficit

    same = _word(reps, test)
    assert is_weaker(reps, word, test) == is_weaker(same, word, test)
    assert is_weaker(word, reps, test) == is_weaker(word, same, test)
    assert side_deficit(reps, test) == side_deficit(same, test)
    pair = (reps, word) if number_left else (word, reps)
    worded = (same, word) if number_left else (word, same)
    a = radiculog.assess(
        {
            "schema": "radiculog/findings@1",
            "function": [{"test": test, "left": pair[0], "right": pair[1]}],
        }
    )
    b = radiculog.assess(
        {
            "schema": "radiculog/findings@1",
            "function": [{"test": test, "left": worded[0], "right": worded[1]}],
        }
    )
    assert a.urgency.tier == b.urgency.tier
    assert a.findings.weaker_sides == b.findings.weaker_sides


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(TESTS), st.integers(0, 60), st.sampled_from(WORDS), st.integers(10, 100))
def test_a_number_and_its_word_for_that_age_give_the_same_tier(
    test: str, reps: int, word: str, age: int
) -> None:
    """With age bands (calf raise, issue 18) a count is read against the norm for the
    person's age, the same way on its own and against the other side."""
    from radiculog.engine.function import as_word

    same = as_word(reps, test, age)
    docs = [
        {"schema": "radiculog/findings@1", "age": age,
         "function": [{"test": test, "left": left, "right": word}]}
        for left in (reps, same)
    ]  # fmt: skip
    a, b = (radiculog.assess(d) for d in docs)
    assert a.urgency.tier == b.urgency.tier
    assert a.findings.weaker_sides == b.findings.weaker_sides


def _warning_tier(findings: dict[str, Any], answered_later: frozenset[str] = frozenset()) -> int:
    """The entry's own most urgent warning; a rule that reads nothing but unanswered
    questions (cauda_equina_unsure) is not carried once the newest entry answers them
    (the newer answer is the newer information; a yes fires its own rule)."""
    from radiculog.contract.parse import parse_findings
    from radiculog.engine.log_screen import _uncertainty_rules
    from radiculog.engine.red_flags import fired_reasons

    resolved = {rid for rid, qs in _uncertainty_rules(K).items() if qs <= answered_later}
    reasons = [r for r in fired_reasons(parse_findings(findings), K) if r.id not in resolved]
    return max((rank(r.tier) for r in reasons), default=0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(findings2_docs(), st.integers(1, 120)), min_size=1, max_size=5),
    st.one_of(st.none(), st.integers(0, 600)),
)
def test_a_logs_tier_is_never_below_a_warning_sign_of_its_last_14_days(
    entries: list[tuple[dict[str, Any], int]], seen_after_hours: int | None
) -> None:
    from datetime import UTC, datetime, timedelta

    at = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    items = []
    for findings, gap_hours in entries:
        at += timedelta(hours=gap_hours)
        items.append({"at": at.isoformat(), "findings": findings})
    doc: dict[str, Any] = {"schema": "radiculog/log@2", "entries": items, "clinician_seen": []}
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    seen = None
    if seen_after_hours is not None:
        seen = start + timedelta(hours=seen_after_hours)
        doc["clinician_seen"] = [{"at": seen.isoformat()}]
    tier = rank(radiculog.trend(doc).urgency.tier)
    newest = datetime.fromisoformat(items[-1]["at"])
    answered = frozenset(
        q for q, v in items[-1]["findings"].get("answers", {}).items() if v is not None
    )
    for item in items:
        when = datetime.fromisoformat(item["at"])
        in_window = when >= newest - timedelta(days=14)
        covered = seen is not None and seen >= when and item is not items[-1]
        if in_window and not covered:
            later = frozenset() if item is items[-1] else answered
            assert tier >= _warning_tier(item["findings"], later), item["at"]


@settings(max_examples=100, deadline=None)
@given(st.lists(findings2_docs(), min_size=2, max_size=4))
def test_a_mirrored_log_gives_the_same_tier(docs: list[dict[str, Any]]) -> None:
    def log(entries: list[dict[str, Any]]) -> dict[str, Any]:
        items = [{"at": f"2026-11-2{n}T08:00:00Z", "findings": f} for n, f in enumerate(entries)]
        return {"schema": "radiculog/log@1", "entries": items}

    a, b = radiculog.trend(log(docs)), radiculog.trend(log([_mirror(d) for d in docs]))
    assert a.urgency.tier == b.urgency.tier
    swap = {"left": "right", "right": "left"}
    assert sorted((c.test, swap[c.side], c.direction) for c in a.trend.function_changes) == sorted(  # type: ignore[union-attr]
        (c.test, c.side, c.direction)
        for c in b.trend.function_changes  # type: ignore[union-attr]
    )


# --- Issue 18: the new causes, facts and uncertainty only ever raise the tier. ---

ISSUE_18 = [
    "anticoagulant_or_bleeding_disorder", "sudden_severe_pain", "feeling_faint",
    "leg_cold_pale", "pregnant_or_recent_birth", "spinal_procedure_recent",
    "spinal_wound_problem", "hands_numb_or_clumsy", "walking_unsteady", "clonus",
    "night_sweats",
]  # fmt: skip
CES = ("bladder_change", "bowel_change", "saddle_numbness")


def test_the_issue_18_answers_are_findings2_questions() -> None:
    assert all(K.questions[q].since == 2 for q in ISSUE_18)
    assert len(set(ISSUE_18)) == 11


@settings(max_examples=400, deadline=None)
@given(findings2_docs(), st.lists(st.sampled_from(ISSUE_18), min_size=1, unique=True))
def test_adding_any_of_the_new_warning_answers_never_lowers_the_tier(
    doc: dict[str, Any], new: list[str]
) -> None:
    before = tier_of(doc)
    doc["answers"] = {**doc["answers"], **dict.fromkeys(new, True)}
    assert tier_of(doc) >= before


@settings(max_examples=200, deadline=None)
@given(findings2_docs(), st.sampled_from(EMERGENCY_FLAGS_2))
def test_any_single_answer_emergency_of_findings2_means_emergency_whatever_else(
    doc: dict[str, Any], flag: str
) -> None:
    doc["answers"] = {**doc["answers"], flag: True}
    assert radiculog.assess(doc).urgency.tier == "emergency"


@settings(max_examples=300, deadline=None)
@given(
    findings2_docs(),
    st.sampled_from(REGIONS),
    st.sampled_from(["left", "right"]),
    st.sampled_from(list(K.reflexes)),
)
def test_a_changed_feeling_mark_or_a_brisk_reflex_never_lowers_the_tier(
    doc: dict[str, Any], region: str, side: str, reflex: str
) -> None:
    before = tier_of(doc)
    marked = {**doc, "sensory": [*doc["sensory"], {"region": region, "side": side}]}
    assert tier_of(marked) >= before
    brisk = {**doc, "reflexes": [*doc["reflexes"], {"reflex": reflex, "side": side,
                                                     "result": "brisk"}]}  # fmt: skip
    assert tier_of(brisk) >= before


@settings(max_examples=300, deadline=None)
@given(findings2_docs())
def test_not_sure_on_every_cauda_equina_question_is_at_least_urgent(doc: dict[str, Any]) -> None:
    doc["answers"] = {q: v for q, v in doc["answers"].items() if q not in CES}
    assert tier_of(doc) >= rank("urgent")


@settings(max_examples=300, deadline=None)
@given(findings2_docs(), st.booleans())
def test_a_reported_weaker_leg_is_at_least_soon_and_urgent_when_new(
    doc: dict[str, Any], new: bool
) -> None:
    doc["answers"] = {**doc["answers"], "one_side_weaker": True}
    if new:
        doc["answers"]["weakness_new"] = True
    assert tier_of(doc) >= rank("urgent" if new else "soon")
