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
EMERGENCY_FLAGS = [
    min(r.when_yes)
    for r in K.rules
    if r.tier == "emergency" and len(r.when_yes) == 1 and not (r.when_facts or r.when_not_no)
]
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
    total = sum(r["probability"] for r in first["roots"])
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
