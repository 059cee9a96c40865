"""Which nerve root: a prior from published level distributions, updated by
likelihood ratios from knowledge/signs.csv, with correlated signs damped.

Posterior(root) is proportional to prior(root) x product over signal types of
that type's combined ratio for the root (see knowledge/method.toml).

This runs on every assessment and on every log entry's check, so the knowledge is
compiled once into a `_Model` (logs of ratios, caps, thresholds), and the evidence
for one observed finding is built once and reused (`_evidence_for`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from radiculog.engine.findings import Findings
from radiculog.engine.function import comparable
from radiculog.engine.knowledge import ROOTS, Knowledge, Prior

NON_PAIN = frozenset({"sensation", "function", "reflex", "provocation"})
STRENGTH = frozenset({"function", "reflex"})
_ROOT_ORDER = {root: i for i, root in enumerate(ROOTS)}


class Evidence(NamedTuple):
    """One finding's ratio for one root (a NamedTuple: made many times per assessment)."""

    finding: str  # e.g. "sensation:dorsum_foot"
    signal: str
    side: str | None
    root: str
    lr: float  # the ratio used, after repeatability weighting
    sources: tuple[str, ...]
    detail: str  # e.g. "repeatable", "weaker right 4 vs 10"

    @property
    def direction(self) -> str:
        return "for" if self.lr > 1 else "against"


class RootScore(NamedTuple):
    root: str
    probability: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class RootPicture:
    scores: tuple[RootScore, ...]  # most probable first
    leaning: str | None
    confidence: str
    side: str | None
    prior_remarks: str


# The signal type in signs.csv -> the group it is combined (and capped) in.
GROUP = {
    "pain": "pain",
    "sensation": "sensation",
    "function": "function",
    "function_equal": "function",
    "reflex": "reflex",
    "provocation": "provocation",
    "provocation_negative": "provocation",
}


class _Model:
    """The knowledge the root picture needs, in the shape it needs it."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        method = knowledge.method
        combination = method["combination"]
        self.index = knowledge.sign_index
        self.weight_once: float = combination["non_repeatable_weight"]
        self.damping: float = combination["damping"]
        self.log_cap = {g: math.log(cap) for g, cap in combination["group_cap"].items()}
        self.lean = method["leaning"]
        self.confidence = method["confidence"]
        # The prior for each age the contract allows (0-130, or not given), and its logs in
        # ROOTS order.
        self.prior_by_age: dict[int | None, Prior] = {}
        for age in (None, *range(131)):
            covering = [p for p in knowledge.priors if p.covers(age)]
            if covering:
                self.prior_by_age[age] = covering[0]
        self.prior_logs = {
            id(p): [math.log(p.probabilities[root]) for root in ROOTS] for p in knowledge.priors
        }

    def prior_for(self, age: int | None) -> Prior:
        prior = self.prior_by_age.get(age)
        return prior if prior is not None else self.knowledge.prior_for(age)


# One ratio ready to combine: the evidence, its log ratio, the root's position in
# ROOTS, and the (root position, signal group) it is combined within.
_Ratio = tuple[Evidence, float, int, tuple[int, str]]


@cache
def _model(knowledge: Knowledge) -> _Model:
    return _Model(knowledge)


@lru_cache(maxsize=4096)
def _evidence_for(
    model: _Model, signal: str, finding: str, side: str | None, detail: str
) -> tuple[_Ratio, ...]:
    """Each root's ratio for one observed finding."""
    group = GROUP[signal]
    label = f"{group}:{finding}"
    built = []
    for sign in model.index.get((signal, finding), ()):
        lr = sign.lr**model.weight_once if detail == "once" else sign.lr
        at = _ROOT_ORDER[sign.root]
        evidence = Evidence(label, group, side, sign.root, lr, sign.sources, detail)
        built.append((evidence, math.log(lr), at, (at, group)))
    return tuple(built)


def symptom_side(findings: Findings) -> str | None:
    """The leg the picture is in: marked leg regions count 1, a weaker test 2."""
    left = right = 0
    for item in findings.marked():
        if item.side is not None and item.region != "low_back":
            if item.side == "left":
                left += 1
            else:
                right += 1
    for side in findings.weaker_sides.values():
        if side == "left":
            left += 2
        elif side == "right":
            right += 2
    if left == right:
        return "both" if left else None
    return "left" if left > right else "right"


def _ratios(findings: Findings, model: _Model, side: str | None) -> list[_Ratio]:
    """The ratios of every observed finding on the chosen side(s), in a fixed order:
    pain regions and changed-feeling regions (each alphabetically), function tests,
    reflexes, provocation tests."""
    sides = ("left", "right") if side is None or side == "both" else (side,)
    ratios: list[_Ratio] = []
    index = model.index

    def add(signal: str, finding: str, obs_side: str | None, detail: str) -> None:
        if (signal, finding) in index:
            ratios.extend(_evidence_for(model, signal, finding, obs_side, detail))

    pain_side: dict[str, str] = {}
    for r in findings.pain:
        if r.side in sides and r.region not in pain_side:
            pain_side[r.region] = r.side  # type: ignore[assignment]
    for region in sorted(pain_side):
        add("pain", region, pain_side[region], "")
    sensory: dict[str, tuple[str, bool]] = {}
    for s in findings.sensory:
        if s.side in sides:
            prev = sensory.get(s.region)
            repeatable = bool(s.repeatable) or bool(prev and prev[1])
            sensory[s.region] = (s.side, repeatable)  # type: ignore[assignment]
    for region in sorted(sensory):
        sense_side, repeatable = sensory[region]
        add("sensation", region, sense_side, "repeatable" if repeatable else "once")
    weaker = findings.weaker_sides
    for result in findings.function:
        weak = weaker[result.test]
        if weak is not None:
            if weak in sides:
                other = result.right if weak == "left" else result.left
                detail = f"weaker on the {weak} ({result.value(weak)} vs {other})"
                add("function", result.test, weak, detail)
        elif comparable(result):  # and neither side weaker: equal
            detail = f"equal on both sides ({result.left} and {result.right})"
            add("function_equal", result.test, None, detail)
    for x in findings.reflexes:
        if x.side in sides and (x.result == "reduced" or x.result == "absent"):
            add("reflex", x.reflex, x.side, x.result)
    for p in findings.provocation:
        if p.side in sides:
            signal = "provocation" if p.result == "positive" else "provocation_negative"
            add(signal, p.test, p.side, p.result)
    return ratios


def _combined(logs: list[float], damping: float, log_cap: float) -> float:
    """Strongest ratio counts fully, each further one is damped (for and against
    separately); the total is capped both ways."""
    if len(logs) == 1:
        return max(-log_cap, min(log_cap, logs[0]))
    logs.sort(reverse=True)
    up, weight = 0.0, 1.0
    for value in logs:  # the ratios above 1, strongest first
        if value <= 0:
            break
        up += value * weight
        weight *= damping
    down, weight = 0.0, 1.0
    for value in reversed(logs):  # the ratios below 1, strongest first
        if value >= 0:
            break
        down += -value * weight
        weight *= damping
    return max(-log_cap, min(log_cap, up - down))


def combined_log_lr(items: list[Evidence], damping: float, cap: float) -> float:
    """Strongest ratio counts fully, each further one is damped; capped both ways."""
    return _combined([math.log(e.lr) for e in items], damping, math.log(cap))


def picture(findings: Findings, knowledge: Knowledge) -> RootPicture:
    model = _model(knowledge)
    side = symptom_side(findings)
    prior = model.prior_for(findings.age)
    log_post = list(model.prior_logs[id(prior)])
    by_root: tuple[list[Evidence], ...] = ([], [], [], [], [])
    groups: dict[tuple[int, str], list[float]] = {}
    support: set[tuple[int, str]] = set()  # (root, signal) with a ratio above 1
    for evidence, log_lr, at, group in _ratios(findings, model, side):
        by_root[at].append(evidence)
        if evidence.lr > 1:
            support.add(group)
        if group in groups:
            groups[group].append(log_lr)
        else:
            groups[group] = [log_lr]
    damping, log_cap = model.damping, model.log_cap
    for (at, signal), logs in groups.items():
        log_post[at] += _combined(logs, damping, log_cap[signal])
    top_log = max(log_post)
    weights = [math.exp(v - top_log) for v in log_post]
    total = sum(weights)
    probs = [w / total for w in weights]
    # Ties break by the fixed root order so results are deterministic.
    ranked = sorted([(-round(p * 1e12), at) for at, p in enumerate(probs)])
    scores = tuple([RootScore(ROOTS[at], probs[at], tuple(by_root[at])) for _, at in ranked])
    top_at = ranked[0][1]
    top, second = probs[top_at], scores[1].probability
    # The signal types with a ratio above 1 for the top root.
    top_support = {signal for at, signal in support if at == top_at}
    non_pain = not NON_PAIN.isdisjoint(top_support)

    lean = model.lean
    leaning = None
    if (
        top >= lean["min_top_probability"]
        and top >= lean["min_ratio_to_second"] * second
        and (not lean["requires_non_pain_evidence"] or non_pain)
    ):
        leaning = ROOTS[top_at]
    conf = model.confidence
    confidence = "low"
    if top >= conf["high_min"] and not STRENGTH.isdisjoint(top_support):
        confidence = "high"
    elif top >= conf["moderate_min"] and non_pain:
        confidence = "moderate"
    return RootPicture(scores, leaning, confidence, side, prior.remarks)
