"""Which nerve root: a prior from published level distributions, updated by
likelihood ratios from knowledge/signs.csv, with correlated signs damped.

Posterior(root) is proportional to prior(root) x product over signal types of
that type's combined ratio for the root (see knowledge/method.toml).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from radiculog.engine.findings import Findings
from radiculog.engine.function import is_equal
from radiculog.engine.knowledge import ROOTS, Knowledge

SIGNALS = ("pain", "sensation", "function", "reflex", "provocation")


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


def symptom_side(findings: Findings) -> str | None:
    """The leg the picture is in: marked leg regions count 1, a weaker test 2."""
    score = {"left": 0, "right": 0}
    for item in findings.marked():
        if item.side is not None and item.region != "low_back":
            score[item.side] += 1
    for side in findings.weaker_sides.values():
        if side is not None:
            score[side] += 2
    if score["left"] == score["right"]:
        return "both" if score["left"] else None
    return "left" if score["left"] > score["right"] else "right"


def _observations(findings: Findings, sides: set[str]) -> list[tuple[str, str, str, float, str]]:
    """(signal-as-in-signs.csv, finding, side, weight, detail) for the chosen sides."""
    obs: list[tuple[str, str, str, float, str]] = []
    for region in sorted({r.region for r in findings.pain if r.side in sides}):
        side = next(r.side for r in findings.pain if r.region == region and r.side in sides)
        obs.append(("pain", region, side or "", 1.0, ""))
    sensory: dict[str, tuple[str, bool]] = {}
    for s in findings.sensory:
        if s.side in sides:
            prev = sensory.get(s.region)
            sensory[s.region] = (s.side, bool(s.repeatable) or bool(prev and prev[1]))
    for region, (side, repeatable) in sorted(sensory.items()):
        obs.append(("sensation", region, side, 1.0, "repeatable" if repeatable else "once"))
    for result in findings.function:
        weak = findings.weaker_sides[result.test]
        if weak is not None and weak in sides:
            other = result.right if weak == "left" else result.left
            detail = f"weaker on the {weak} ({result.value(weak)} vs {other})"
            obs.append(("function", result.test, weak, 1.0, detail))
        elif weak is None and is_equal(result):
            detail = f"equal on both sides ({result.left} and {result.right})"
            obs.append(("function_equal", result.test, "", 1.0, detail))
    for r in findings.reflexes:
        if r.side in sides and r.result in ("reduced", "absent"):
            obs.append(("reflex", r.reflex, r.side, 1.0, r.result))
    for p in findings.provocation:
        if p.side in sides:
            signal = "provocation" if p.result == "positive" else "provocation_negative"
            obs.append((signal, p.test, p.side, 1.0, p.result))
    return obs


GROUP = {
    "pain": "pain",
    "sensation": "sensation",
    "function": "function",
    "function_equal": "function",
    "reflex": "reflex",
    "provocation": "provocation",
    "provocation_negative": "provocation",
}


def gather(findings: Findings, knowledge: Knowledge, side: str | None) -> list[Evidence]:
    sides = {"left", "right"} if side in (None, "both") else {side or ""}
    weight_once = knowledge.method["combination"]["non_repeatable_weight"]
    index = knowledge.sign_index
    evidence = []
    for signal, finding, obs_side, _, detail in _observations(findings, sides):
        signs = index.get((signal, finding))
        if not signs:
            continue
        group = GROUP[signal]
        label = f"{group}:{finding}"
        for sign in signs:
            lr = sign.lr**weight_once if detail == "once" else sign.lr
            evidence.append(
                Evidence(label, group, obs_side or None, sign.root, lr, sign.sources, detail)
            )
    return evidence


def _damped(logs: list[float], damping: float) -> float:
    logs.sort(reverse=True)
    total, weight = 0.0, 1.0
    for value in logs:
        total += value * weight
        weight *= damping
    return total


def combined_log_lr(items: list[Evidence], damping: float, cap: float) -> float:
    """Strongest ratio counts fully, each further one is damped; capped both ways."""
    up = _damped([math.log(e.lr) for e in items if e.lr > 1], damping)
    down = _damped([-math.log(e.lr) for e in items if e.lr < 1], damping)
    limit = math.log(cap)
    return max(-limit, min(limit, up - down))


def posterior(
    findings: Findings, knowledge: Knowledge, evidence: list[Evidence]
) -> dict[str, float]:
    method = knowledge.method["combination"]
    prior = knowledge.prior_for(findings.age).probabilities
    log_post = {root: math.log(prior[root]) for root in ROOTS}
    groups: dict[tuple[str, str], list[Evidence]] = {}
    for e in evidence:
        groups.setdefault((e.root, e.signal), []).append(e)
    for (root, signal), items in groups.items():
        cap = method["group_cap"][signal]
        log_post[root] += combined_log_lr(items, method["damping"], cap)
    top = max(log_post.values())
    weights = {root: math.exp(v - top) for root, v in log_post.items()}
    total = sum(weights.values())
    return {root: w / total for root, w in weights.items()}


def _supported_by(evidence: list[Evidence], root: str, signals: set[str]) -> bool:
    return any(e.root == root and e.lr > 1 and e.signal in signals for e in evidence)


def picture(findings: Findings, knowledge: Knowledge) -> RootPicture:
    side = symptom_side(findings)
    evidence = gather(findings, knowledge, side)
    probs = posterior(findings, knowledge, evidence)
    # Ties break by the fixed root order so results are deterministic.
    ordered = sorted(ROOTS, key=lambda r: (-round(probs[r], 12), ROOTS.index(r)))
    by_root: dict[str, list[Evidence]] = {root: [] for root in ROOTS}
    for e in evidence:
        by_root[e.root].append(e)
    scores = tuple(RootScore(root, probs[root], tuple(by_root[root])) for root in ordered)
    top, second = scores[0], scores[1]
    lean = knowledge.method["leaning"]
    non_pain = {"sensation", "function", "reflex", "provocation"}
    leaning = None
    if (
        top.probability >= lean["min_top_probability"]
        and top.probability >= lean["min_ratio_to_second"] * second.probability
        and (not lean["requires_non_pain_evidence"] or _supported_by(evidence, top.root, non_pain))
    ):
        leaning = top.root
    conf = knowledge.method["confidence"]
    confidence = "low"
    if top.probability >= conf["high_min"] and _supported_by(
        evidence, top.root, {"function", "reflex"}
    ):
        confidence = "high"
    elif top.probability >= conf["moderate_min"] and _supported_by(evidence, top.root, non_pain):
        confidence = "moderate"
    prior = knowledge.prior_for(findings.age)
    return RootPicture(scores, leaning, confidence, side, prior.remarks)
