"""Which nerve root, if it is a nerve root at all.

A prior from published level distributions (priors.csv) is updated by every finding's
weight for every root (root_likelihoods.csv, compiled in roots_model.py); findings of one
type are damped and capped, and so is the whole picture (method.toml). The root gate
(roots_gate.py) says when the picture may not come from a root, and then nothing leans.

This runs on every assessment and on every log entry's check, so the knowledge is
compiled once and each finding's weights are built once and reused (`_evidence_for`).
"""

from __future__ import annotations

import math
from functools import lru_cache
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
from radiculog.engine.roots_model import Model, capped, combined, combined_capped, model

if TYPE_CHECKING:
    from radiculog.engine.radicular import Radicular

__all__ = ["Evidence", "RootPicture", "RootScore", "combined_log_lr", "picture", "symptom_side"]

NON_PAIN = frozenset({"sensation", "function", "reflex", "provocation"})
STRENGTH = frozenset({"function", "reflex"})
LEAD = {"reflex": 0, "function": 1, "sensation": 2, "provocation": 3, "pain": 4}


class Evidence(NamedTuple):
    """One finding's ratio for one root (a NamedTuple: made many times per assessment)."""

    finding: str  # e.g. "sensation:dorsum_foot"
    signal: str
    side: str | None
    root: str
    lr: float  # the ratio used (against sciatica in general), after one-off/both-legs weighting
    sources: tuple[str, ...]
    detail: str  # e.g. "repeatable", "weaker on the right (4 vs 10)", "absent (both legs)"
    # The same finding as published studies state it: this root against the other roots
    # together (the words "weak/moderate/strong clue" follow this one).
    lr_rest: float = 1.0
    # The clue of the same region or muscle group this one was counted with as one piece
    # of evidence (knowledge/method.toml [combination.clusters]); "" when counted alone.
    counted_with: str = ""

    @property
    def direction(self) -> str:
        return "for" if self.lr > 1 else "against"


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


class _Weighed(NamedTuple):
    """One observed finding weighed for every root (in ROOTS order), built once per clue."""

    evidence: tuple[Evidence, ...]
    signal: str
    logs: tuple[float, ...]
    alone: tuple[float, ...]  # the logs capped, for when it is its type's only finding
    supports: frozenset[int]  # the roots it is at least a moderate clue for
    clue: Clue
    cluster: str  # its region or muscle group, or its own label when it has none


@lru_cache(maxsize=4096)
def _evidence_for(m: Model, clue: Clue, counted_with: str = "") -> _Weighed | None:
    """Every root's ratio for one observed finding (None for a finding without a row; a
    knowledge test checks that every finding of the contract has one)."""
    key = (clue.signal, clue.finding)
    if key not in m.ratios:
        return None
    positive, normal = m.ratios[key]
    general, rest = positive if clue.positive else normal
    sources = m.rows[key].sources
    label = f"{clue.signal}:{clue.finding}"
    w = clue.log_weight
    if counted_with:  # counted with a stronger clue: a share of at most its type's cap
        cap_log = m.log_cap[clue.signal]
        logs = tuple(capped(math.log(g), cap_log) * w for g in general)
    else:
        logs = tuple(math.log(g) * w for g in general)
    # Shown as the published form (this root against the rest), held within the type's cap
    # so the clue words never call a pain region a strong clue.
    limit = m.caps_plain[clue.signal]
    rests = tuple(max(1 / limit, min(limit, r**w)) for r in rest)
    evidence = tuple(
        Evidence(
            label,
            clue.signal,
            clue.side,
            root,
            math.exp(log),
            sources,
            clue.detail,
            r,
            counted_with,
        )
        for root, log, r in zip(ROOTS, logs, rests, strict=True)
    )
    cap = m.log_cap[clue.signal]
    alone = tuple(capped(log, cap) for log in logs)
    supports = frozenset(at for at, r in enumerate(rests) if r >= m.min_support)
    cluster = m.cluster_of.get(key, label)
    return _Weighed(evidence, clue.signal, logs, alone, supports, clue, cluster)


def _clustered(m: Model, raw: list[Clue]) -> list[_Weighed]:
    """Each clue weighed, those of one region or muscle group as one piece of evidence:
    the strongest counts fully, each other one with the cluster weight (method.toml)."""
    weighed = [w for c in raw if (w := _evidence_for(m, c)) is not None]
    groups: dict[str, list[int]] = {}
    for at, w in enumerate(weighed):
        groups.setdefault(w.cluster, []).append(at)
    for members in groups.values():
        if len(members) < 2:
            continue
        # The most specific kind leads (a reflex or a test before changed feeling before
        # pain), then the strongest; stable, so mirrored legs give the same order.
        members.sort(key=lambda at: (LEAD[weighed[at].signal], -max(map(abs, weighed[at].logs))))
        lead = weighed[members[0]].evidence[0].finding
        for at in members[1:]:
            c = weighed[at].clue
            lighter = c._replace(log_weight=c.log_weight * m.cluster_weight)
            again = _evidence_for(m, lighter, lead)
            if again is not None:
                weighed[at] = again
    return weighed


def combined_log_lr(items: list[Evidence], damping: float) -> float:
    """Strongest ratio counts fully, each further one is damped (for and against apart)."""
    return combined([math.log(e.lr) for e in items], damping)


def _leaning(
    m: Model,
    probs: list[float],
    prior: list[float],
    ranked: list[int],
    weighed: list[_Weighed],
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


def _root_logs(m: Model, prior_logs: list[float], weighed: list[_Weighed]) -> list[float]:
    """Each root's log prior plus its evidence: damped and capped per signal type, then
    held within the root's picture cap."""
    by_signal: dict[str, list[_Weighed]] = {}
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
    weighed: list[_Weighed],
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
        w if not w.evidence[0].counted_with else _evidence_for(m, _alone(m, w.clue))
        for w in weighed
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
    weighed = _clustered(m, clues(findings, side, m.weight_once, m.weight_both))
    root_logs = _root_logs(m, m.prior_logs[id(prior)], weighed)
    alt_logs = alternative_logs(
        knowledge, [w.clue for w in weighed], findings, m.knowledge.method["radicular"]["questions"]
    )
    mass = alt_model(knowledge).root_mass_log
    everything = _normalised([v + mass for v in root_logs] + alt_logs)
    probs, others = everything[:5], list(zip(ALTERNATIVES, everything[5:], strict=True))
    verdict = gate(findings, knowledge, radicular, fits)
    probs, others = floored(verdict, probs, others)
    verdict = settled(verdict, m, probs, others, radicular, findings, knowledge)
    not_root = sum(share for _, share in others)
    # Ties break by the fixed root order so results are deterministic: a stable sort of
    # the indexes, most probable first (round: equal up to float noise is a tie).
    keys = [round(p * 1e12) for p in probs]
    ranked = sorted(range(5), key=keys.__getitem__, reverse=True)
    # One tuple of evidence per root, in ROOTS order (tuple.__new__: see roots_evidence.py).
    per_root = list(zip(*[w.evidence for w in weighed], strict=True)) or [()] * 5
    scores = tuple(
        [tuple.__new__(RootScore, (ROOTS[at], probs[at], per_root[at])) for at in ranked]
    )
    leaning, pair, p, supported_by = _leaning(m, probs, m.prior_probs[id(prior)], ranked, weighed)
    named = pair or ((leaning,) if leaning else (ROOTS[ranked[0]],))
    chosen = {ROOTS.index(r) for r in named}
    clusters = len({w.cluster for w in weighed if w.supports & chosen})
    confidence = _confidence(m, p, supported_by, clusters)
    if verdict.state == "closed" or not_root >= m.doubtful_min:
        # Closed, or "not a root" too likely to name one (alternatives.toml).
        leaning, pair, confidence = None, None, "low"
    elif (leaning or pair) and not _told_apart(m, weighed, findings, chosen, others):
        leaning, pair, confidence = None, None, "low"
    elif verdict.state == "doubtful":
        confidence = "low"
    label = m.pairs[pair] if pair else None
    others.sort(key=lambda o: -o[1])
    return RootPicture(
        scores, leaning, confidence, side, prior.remarks, pair, label, verdict, not_root,
        tuple(others),
    )  # fmt: skip
