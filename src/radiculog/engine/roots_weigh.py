"""Each observed finding weighed for every root, once, and clues of one region or muscle
group counted as one piece of evidence (knowledge/method.toml [combination.clusters]).

This runs on every assessment and on every log entry's check, so each finding's weights
are built once and reused (`evidence_for`, cached).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

from radiculog.engine.knowledge import ROOTS
from radiculog.engine.roots_evidence import Clue
from radiculog.engine.roots_model import Model, capped

# Which clue of a cluster leads: a reflex or a strength test, then changed feeling, then a
# stretch test, then pain.
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


class Weighed(NamedTuple):
    """One observed finding weighed for every root (in ROOTS order), built once per clue."""

    evidence: tuple[Evidence, ...]
    signal: str
    logs: tuple[float, ...]
    alone: tuple[float, ...]  # the logs capped, for when it is its type's only finding
    supports: frozenset[int]  # the roots it is at least a moderate clue for
    clue: Clue
    cluster: str  # its region or muscle group, or its own label when it has none


@lru_cache(maxsize=4096)
def evidence_for(m: Model, clue: Clue, counted_with: str = "") -> Weighed | None:
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
    return Weighed(evidence, clue.signal, logs, alone, supports, clue, cluster)


def clustered(m: Model, raw: list[Clue]) -> list[Weighed]:
    """Each clue weighed, those of one region or muscle group as one piece of evidence:
    the strongest counts fully, each other one with the cluster weight (method.toml)."""
    weighed = [w for c in raw if (w := evidence_for(m, c)) is not None]
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
            again = evidence_for(m, lighter, lead)
            if again is not None:
                weighed[at] = again
    return weighed
