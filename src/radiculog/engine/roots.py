"""Which nerve root, if it is a nerve root at all.

A prior from published level distributions (priors.csv) is updated by every finding's
weight for every root (root_likelihoods.csv, compiled in roots_model.py; each finding
weighed once, clues of one region or muscle group as one, in roots_weigh.py); findings of
one type are damped and capped, and so is the whole picture (method.toml). Other causes
(roots_alternatives.py) are weighed in the same model, so each root's probability is
"this root, and a root at all". The root gate (roots_gate.py) says when the picture may
not come from a root, and then nothing leans.

This runs on every assessment and on every log entry's check, so the knowledge is
compiled once and each finding's weights are built once and reused (`evidence_for`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from radiculog.engine.findings import Findings
from radiculog.engine.knowledge import ROOTS, Explanation, Knowledge
from radiculog.engine.roots_alternatives import (
    ALTERNATIVES,
    alt_model,
    alternative_logs,
    told_apart,
)
from radiculog.engine.roots_evidence import Clue, clues, symptom_side
from radiculog.engine.roots_gate import Gate, floored, gate, settled
from radiculog.engine.roots_model import Model, combined, combined_capped, model
from radiculog.engine.roots_weigh import Evidence, Weighed, clustered, evidence_for

if TYPE_CHECKING:
    from radiculog.engine.radicular import Radicular

__all__ = ["Evidence", "RootPicture", "RootScore", "combined_log_lr", "picture", "symptom_side"]

NON_PAIN = frozenset({"sensation", "function", "reflex", "provocation"})
STRENGTH = frozenset({"function", "reflex"})


class RootScore(NamedTuple):
    root: str
    probability: float
    evidence: tuple[Evidence, ...]


class RootPicture(NamedTuple):
    scores: tuple[RootScore, ...]  # most probable first
    leaning: str | None
    confidence: str
    side: str | None
    prior_remarks: str
    pair: tuple[str, str] | None = None  # two neighbouring roots leaned to together
    pair_label: str | None = None  # e.g. "upper lumbar (L3 or L4)"
    gate: Gate | None = None
    # The chance that the picture is not from a nerve root at all, and its share per
    # other cause (knowledge/alternatives.toml), most probable first; the root
    # probabilities above are each "this root, and a root at all".
    not_root: float = 0.0
    alternatives: tuple[tuple[str, float], ...] = ()


def combined_log_lr(items: list[Evidence], damping: float) -> float:
    """Strongest ratio counts fully, each further one is damped (for and against apart)."""
    return combined([math.log(e.lr) for e in items], damping)


def _leaning(
    m: Model,
    probs: list[float],
    prior: list[float],
    ranked: list[int],
    weighed: list[Weighed],
) -> tuple[str | None, tuple[str, str] | None, float, frozenset[str]]:
    """(single root, pair, its probability, the signals supporting it) or no leaning."""
    top, second, third = ranked[0], ranked[1], ranked[2]
    top_support = frozenset([w.signal for w in weighed if top in w.supports])
    # The two in ROOTS order (ranked holds indexes into ROOTS).
    pair = (ROOTS[top], ROOTS[second]) if top < second else (ROOTS[second], ROOTS[top])
    # Within a pair the home tests cannot separate, one root is named only when the
    # findings themselves separate the two, not the prior alone (L4 is twice as common
    # as L3 before any finding).
    by_evidence = (probs[top] / probs[second]) / (prior[top] / prior[second])
    separated = pair not in m.pairs or by_evidence >= m.lean_min_ratio
    if (
        separated
        and probs[top] >= m.lean_min_top
        and probs[top] >= m.lean_min_ratio * probs[second]
        and (not m.lean_needs_non_pain or not NON_PAIN.isdisjoint(top_support))
    ):
        return ROOTS[top], None, probs[top], top_support
    both = probs[top] + probs[second]
    pair_support = top_support | {w.signal for w in weighed if second in w.supports}
    if (
        pair in m.pairs
        and both >= m.pair_min
        and both >= m.pair_min_ratio_third * probs[third]
        and (not m.pair_needs_non_pain or not NON_PAIN.isdisjoint(pair_support))
    ):
        return None, pair, both, pair_support
    return None, None, probs[top], top_support


def _confidence(m: Model, p: float, supported_by: frozenset[str], clusters: int) -> str:
    """Words for the probability shown (which holds the doubt that it is a root at all):
    "high" needs independent clues of more than one region or muscle group too."""
    conf = m.confidence
    if (
        p >= conf["high_min"]
        and not STRENGTH.isdisjoint(supported_by)
        and clusters >= m.high_min_clusters
    ):
        return "high"
    if p >= conf["moderate_min"] and not NON_PAIN.isdisjoint(supported_by):
        return "moderate"
    return "low"


def _root_logs(m: Model, prior_logs: list[float], weighed: list[Weighed]) -> list[float]:
    """Each root's log prior plus its evidence: damped and capped per signal type, then
    held within the root's picture cap."""
    by_signal: dict[str, list[Weighed]] = {}
    for w in weighed:
        by_signal.setdefault(w.signal, []).append(w)
    totals = [0.0, 0.0, 0.0, 0.0, 0.0]
    for signal, group in by_signal.items():
        values: tuple[float, ...] | list[float]
        if len(group) == 1:  # one finding of this type: nothing to damp
            values = group[0].alone
        else:
            values = combined_capped([w.logs for w in group], m.damping, m.log_cap[signal])
        totals = [t + v for t, v in zip(totals, values, strict=True)]
    return [
        p + (-c if t < -c else c if t > c else t)  # each root's total held within its cap
        for p, t, c in zip(prior_logs, totals, m.log_picture_cap, strict=True)
    ]


def _told_apart(
    m: Model,
    weighed: list[Weighed],
    findings: Findings,
    chosen: set[int],
    others: list[tuple[str, float]],
) -> bool:
    """A root is named only when some finding tells it from the likeliest other cause
    (when that cause holds a share worth weighing, method.toml [root_gate])."""
    cause, share = max(others, key=lambda o: o[1])
    if share < m.tell_apart_from or cause not in ALTERNATIVES:
        return True
    # Each finding as it is, before a cluster counted it with another one.
    whole = [
        w if not w.evidence[0].counted_with else evidence_for(m, _alone(m, w.clue)) for w in weighed
    ]
    return told_apart(
        m.knowledge,
        [w.clue for w in whole if w is not None],
        [w.logs for w in whole if w is not None],
        findings,
        m.knowledge.method["radicular"]["questions"],
        chosen,
        cause,
        m.lean_min_ratio,
    )


def _alone(m: Model, clue: Clue) -> Clue:
    return clue._replace(log_weight=clue.log_weight / m.cluster_weight)


def _normalised(logs: list[float]) -> list[float]:
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = sum(weights)
    return [w / total for w in weights]


class _Named(NamedTuple):
    leaning: str | None
    pair: tuple[str, str] | None
    confidence: str


def _named(
    m: Model,
    probs: list[float],
    prior: list[float],
    weighed: list[Weighed],
    ctx: tuple[Gate, list[tuple[str, float]], Findings],
) -> _Named:
    """The root or pair named and its confidence, after the gate and the other causes."""
    verdict, others, findings = ctx
    # Ties break by the fixed root order (see picture).
    keys = [round(p * 1e12) for p in probs]
    ranked = sorted(range(5), key=keys.__getitem__, reverse=True)
    leaning, pair, p, supported_by = _leaning(m, probs, prior, ranked, weighed)
    named = pair or ((leaning,) if leaning else (ROOTS[ranked[0]],))
    chosen = {ROOTS.index(r) for r in named}
    clusters = len({w.cluster for w in weighed if w.supports & chosen})
    confidence = _confidence(m, p, supported_by, clusters)
    if verdict.state == "closed" or sum(share for _, share in others) >= m.doubtful_min:
        # Closed, or "not a root" too likely to name one (alternatives.toml).
        return _Named(None, None, "low")
    if (leaning or pair) and not _told_apart(m, weighed, findings, chosen, others):
        return _Named(None, None, "low")
    return _Named(leaning, pair, "low" if verdict.state == "doubtful" else confidence)


def picture(
    findings: Findings,
    knowledge: Knowledge,
    radicular: Radicular | None = None,
    fits: tuple[Explanation, ...] | None = None,
) -> RootPicture:
    """The root picture; `radicular` and `fits` (the checklist and the fitting other
    explanations) are passed in when the caller has them already."""
    m = model(knowledge)
    side = symptom_side(findings)
    prior = m.prior_for(findings.age)
    weighed = clustered(m, clues(findings, side, m.weight_once, m.weight_both))
    root_logs = _root_logs(m, m.prior_logs[id(prior)], weighed)
    questions = knowledge.method["radicular"]["questions"]
    alt_logs = alternative_logs(knowledge, [w.clue for w in weighed], findings, questions)
    mass = alt_model(knowledge).root_mass_log
    everything = _normalised([v + mass for v in root_logs] + alt_logs)
    probs, others = everything[:5], list(zip(ALTERNATIVES, everything[5:], strict=True))
    verdict = gate(findings, knowledge, radicular, fits)
    probs, others = floored(verdict, probs, others)
    verdict = settled(verdict, m, probs, others, radicular, findings, knowledge)
    # Ties break by the fixed root order so results are deterministic: a stable sort of
    # the indexes, most probable first (round: equal up to float noise is a tie).
    keys = [round(p * 1e12) for p in probs]
    ranked = sorted(range(5), key=keys.__getitem__, reverse=True)
    # One tuple of evidence per root, in ROOTS order (tuple.__new__: see roots_evidence.py).
    per_root = list(zip(*[w.evidence for w in weighed], strict=True)) or [()] * 5
    scores = tuple(
        [tuple.__new__(RootScore, (ROOTS[at], probs[at], per_root[at])) for at in ranked]
    )
    n = _named(m, probs, m.prior_probs[id(prior)], weighed, (verdict, others, findings))
    label = m.pairs[n.pair] if n.pair else None
    not_root = sum(share for _, share in others)
    others.sort(key=lambda o: -o[1])
    return RootPicture(
        scores, n.leaning, n.confidence, side, prior.remarks, n.pair, label, verdict, not_root,
        tuple(others),
    )  # fmt: skip
