"""The root model's knowledge in the shape the engine needs it, compiled once.

Each row of knowledge/root_likelihoods.csv says how many of 100 people with each root
compressed show a finding. The weight of a finding for a root is that share divided by
the share in sciatica in general (the row averaged over the all-ages prior): above 1
the finding is commoner with that root than in sciatica at large and pushes it up,
below 1 it pushes it down. A tested-and-normal result uses the complement (100 minus
the share). For one finding alone, prior x weight is exactly Bayes' rule; the caps and
the damping (knowledge/method.toml) only act when findings pile up.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from functools import cache
from operator import mul
from typing import Any

from radiculog.engine.knowledge import ROOTS, Knowledge, Likelihood, Prior

# Ratios per root in ROOTS order, for a positive and for a tested-and-normal result.
RootRatios = tuple[float, ...]


def _against(shares: list[float], weights: list[float]) -> tuple[RootRatios, RootRatios]:
    """(ratio against sciatica in general, ratio against the other roots together) per root."""
    total = sum(weights)
    seen = sum(w * p for w, p in zip(weights, shares, strict=True)) / total
    general = tuple(p / seen for p in shares)
    rest = []
    for at, p in enumerate(shares):
        others = total - weights[at]
        rest.append(p / ((seen * total - weights[at] * p) / others))
    return general, tuple(rest)


def _ratios(row: Likelihood, prior: Prior) -> tuple[tuple[RootRatios, RootRatios], ...]:
    """For a positive and for a tested-and-normal result: the ratios used (against
    sciatica in general) and the usual published form (this root against the rest)."""
    shares = [row.per_100[root] / 100 for root in ROOTS]
    weights = [prior.probabilities[root] for root in ROOTS]
    return _against(shares, weights), _against([1 - p for p in shares], weights)


class Model:
    """Ratios per finding, caps, thresholds and priors, read once per knowledge."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        method: dict[str, Any] = knowledge.method
        combination = method["combination"]
        self.weight_once: float = combination["non_repeatable_weight"]
        self.weight_both: float = combination["both_sides_weight"]
        self.damping: float = combination["damping"]
        self.caps_plain: dict[str, float] = dict(combination["group_cap"])
        self.log_cap = {g: math.log(cap) for g, cap in combination["group_cap"].items()}
        picture_cap = combination["picture_cap"]
        self.log_picture_cap = [math.log(picture_cap[root]) for root in ROOTS]
        self.lean: dict[str, Any] = method["leaning"]
        self.min_support: float = self.lean["min_supporting_ratio"]
        self.pairs = {tuple(p["roots"]): p["label"] for p in method["leaning"]["pair"]["pairs"]}
        self.confidence: dict[str, Any] = method["confidence"]
        reference = knowledge.prior_for(None)  # "sciatica in general": the all-ages prior
        self.ratios: dict[tuple[str, str], tuple[tuple[RootRatios, RootRatios], ...]] = {
            key: _ratios(row, reference) for key, row in knowledge.likelihood_index.items()
        }
        self.rows = knowledge.likelihood_index
        # The prior for each age the contract allows (0-130, or not given), as logs.
        self.prior_by_age: dict[int | None, Prior] = {}
        for age in (None, *range(131)):
            covering = [p for p in knowledge.priors if p.covers(age)]
            if covering:
                self.prior_by_age[age] = covering[0]
        self.prior_logs = {
            id(p): [math.log(p.probabilities[root]) for root in ROOTS] for p in knowledge.priors
        }
        self.prior_probs = {
            id(p): [p.probabilities[root] for root in ROOTS] for p in knowledge.priors
        }
        # The thresholds the leaning reads on every assessment, as plain attributes.
        pair_rule = self.lean["pair"]
        self.lean_min_top: float = self.lean["min_top_probability"]
        self.lean_min_ratio: float = self.lean["min_ratio_to_second"]
        self.lean_needs_non_pain: bool = self.lean["requires_non_pain_evidence"]
        self.pair_min: float = pair_rule["min_probability"]
        self.pair_min_ratio_third: float = pair_rule["min_ratio_to_third"]
        self.pair_needs_non_pain: bool = pair_rule["requires_non_pain_evidence"]
        self.likely_at: int = knowledge.method["radicular"]["likely_at"]
        clusters = combination["clusters"]
        self.cluster_weight: float = clusters["weight"]
        # (signal, finding) -> the cluster it belongs to; a bare region is pain and feeling.
        self.cluster_of: dict[tuple[str, str], str] = {}
        for name, members in clusters["groups"].items():
            for member in members:
                if ":" in member:
                    signal, finding = member.split(":", 1)
                    self.cluster_of[(signal, finding)] = name
                else:
                    self.cluster_of[("pain", member)] = name
                    self.cluster_of[("sensation", member)] = name
        gate = method["root_gate"]
        self.doubtful_min: float = gate["doubtful_min"]
        self.tell_apart_from: float = gate["tell_apart_from"]
        self.high_min_clusters: int = self.confidence["high_min_clusters"]

    def prior_for(self, age: int | None) -> Prior:
        prior = self.prior_by_age.get(age)
        return prior if prior is not None else self.knowledge.prior_for(age)


@cache
def model(knowledge: Knowledge) -> Model:
    return Model(knowledge)


@cache
def _weights(damping: float) -> tuple[float, ...]:
    return tuple(damping**i for i in range(64))  # more findings of one type than the map has


def combined(logs: list[float] | tuple[float, ...], damping: float) -> float:
    """Strongest ratio counts fully, each further one is damped (for and against
    separately)."""
    if len(logs) == 2:  # the common case, without sorting
        a, b = logs
        if (a > 0) == (b > 0):  # same direction: the weaker one is damped
            return a + damping * b if abs(a) >= abs(b) else b + damping * a
        return a + b
    if len(logs) == 1:
        return logs[0]
    weights = _weights(damping)
    up = sorted([v for v in logs if v > 0], reverse=True)  # strongest first
    down = sorted([v for v in logs if v < 0])  # most negative first
    total: float = sum(map(mul, up, weights)) + sum(map(mul, down, weights))
    return total


def capped(value: float, log_cap: float) -> float:
    """A combined log ratio held within the cap both ways (1/cap .. cap)."""
    return -log_cap if value < -log_cap else log_cap if value > log_cap else value


def combined_capped(rows: list[tuple[float, ...]], damping: float, log_cap: float) -> list[float]:
    """``capped(combined(column))`` for each column of ``rows`` (a row per finding of one
    type, a column per root), the same numbers computed with fewer Python steps: this
    runs for every type with more than one finding in every assessment."""
    out = []
    if len(rows) == 2:
        for a, b in zip(*rows, strict=True):
            if (a > 0) == (b > 0):  # same direction: the weaker one is damped
                # abs(a) >= abs(b), without the two calls
                v = a + damping * b if (a >= b if a > 0 else a <= b) else b + damping * a
            else:
                v = a + b
            out.append(-log_cap if v < -log_cap else log_cap if v > log_cap else v)
        return out
    weights = _weights(damping)
    for column in zip(*rows, strict=True):
        # One sort: the negatives (most negative first) lead, the positives end it.
        ordered = sorted(column)
        up = ordered[bisect_right(ordered, 0.0) :][::-1]  # strongest first
        down = ordered[: bisect_left(ordered, 0.0)]
        v = sum(map(mul, up, weights)) + sum(map(mul, down, weights))
        out.append(-log_cap if v < -log_cap else log_cap if v > log_cap else v)
    return out
