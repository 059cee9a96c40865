"""Other causes weighed in the same model as the roots (knowledge/alternatives.toml).

Each alternative's weight for a finding is its share in alternative_likelihoods.csv
divided by the same "sciatica in general" share the roots are measured against
(roots_model.py), so roots and alternatives can be normalised together: the root
probabilities shown are "this root, and a root at all", and the rest is "not a root".
The checklist's own answers (only where the person answered the question) and low-back
pain count here too: they say whether it is a root, not which.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

from radiculog.engine.findings import NO, YES, Findings
from radiculog.engine.knowledge import ROOTS, Knowledge, _csv, _ids, _toml
from radiculog.engine.radicular import shown_elsewhere
from radiculog.engine.roots_evidence import Clue
from radiculog.engine.roots_model import capped, combined_capped

ALTERNATIVES = ("peroneal_nerve", "hip_tendon", "hip_joint", "femoral_nerve_or_plexus")
LOW_BACK = ("pain", "low_back")


class AltRow(NamedTuple):
    positive: tuple[float, ...]  # log ratio per alternative for a positive result
    normal: tuple[float, ...]  # ... and for a tested-and-normal one
    sources: tuple[str, ...]


class AltModel(NamedTuple):
    prior_logs: tuple[float, ...]
    root_mass_log: float  # log of the share that is a root at all
    rows: dict[tuple[str, str], AltRow]
    caps: dict[str, float]  # log caps per signal type
    picture_cap: float  # log


def _row(shares: list[float], seen: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    positive = tuple(math.log(s / seen) for s in shares)
    normal = tuple(math.log((100 - s) / (100 - seen)) for s in shares)
    return positive, normal


@cache
def alt_model(knowledge: Knowledge) -> AltModel:
    raw = _toml("alternatives.toml")
    prior = [float(raw["prior"][a]) for a in ALTERNATIVES]
    reference = knowledge.prior_for(None).probabilities
    total = sum(reference[r] for r in ROOTS)
    rows: dict[tuple[str, str], AltRow] = {}
    for line in _csv("alternative_likelihoods.csv"):
        key = (line["signal"], line["finding"])
        shares = [float(line[a]) for a in ALTERNATIVES]
        if not all(0 < s < 100 for s in shares):
            raise ValueError(f"alternative_likelihoods.csv {key}: shares must be within 0-100")
        if line["root"]:  # questions and low-back pain: one share for every root
            seen = float(line["root"])
        else:  # the same "sciatica in general" share the roots use
            per_100 = knowledge.likelihood_index[key].per_100
            seen = sum(reference[r] * per_100[r] for r in ROOTS) / total
        positive, normal = _row(shares, seen)
        rows[key] = AltRow(positive, normal, _ids(line["sources"]))
    caps = {k: math.log(float(v)) for k, v in raw["group_cap"].items() if k != "sources"}
    return AltModel(
        tuple(math.log(p) for p in prior),
        math.log(1 - sum(prior)),
        rows,
        caps,
        math.log(float(raw["picture_cap"]["cap"])),
    )


def alternative_logs(
    knowledge: Knowledge, clues: list[Clue], findings: Findings, questions: list[str]
) -> list[float]:
    """Log weight (prior x evidence, against sciatica in general) of each alternative."""
    a = alt_model(knowledge)
    by_signal: dict[str, list[tuple[float, ...]]] = {}
    for c in clues:
        row = a.rows.get((c.signal, c.finding))
        if row is not None:
            logs = row.positive if c.positive else row.normal
            by_signal.setdefault(c.signal, []).append(tuple(v * c.log_weight for v in logs))
    # Back pain and the checklist's answers say whether it is a root, not which: a group
    # of their own, so a pain map already at its cap does not swallow them.
    if any(r.region == "low_back" and r.side is not None for r in findings.pain):
        by_signal.setdefault("answer", []).append(a.rows[LOW_BACK].positive)
    answers = findings.answers
    for question in questions:
        answer = answers.get(question)
        # An answer the body map or the tests already show is counted there, not twice.
        if (answer is YES or answer is NO) and not shown_elsewhere(question, findings, knowledge):
            row = a.rows[("answer", question)]
            by_signal.setdefault("answer", []).append(row.positive if answer is YES else row.normal)
    totals = [0.0] * len(ALTERNATIVES)
    for signal, group in by_signal.items():
        values = (
            combined_capped(group, 0.5, a.caps[signal])
            if len(group) > 1
            else [capped(v, a.caps[signal]) for v in group[0]]
        )
        totals = [t + v for t, v in zip(totals, values, strict=True)]
    return [p + capped(t, a.picture_cap) for p, t in zip(a.prior_logs, totals, strict=True)]


def told_apart(
    knowledge: Knowledge,
    clues: list[Clue],
    root_logs: list[tuple[float, ...]],
    findings: Findings,
    questions: list[str],
    roots: set[int],
    cause: str,
    ratio: float,
) -> bool:
    """Whether at least one finding points to one of `roots` over `cause` by `ratio` or
    more (a root is named only then: Stewart 2008, an L5 root and a peroneal palsy are
    told apart by back pain, the hip abductors, stretch tests or the reflexes, not by the
    foot drop they share). `root_logs` holds each clue's log ratios per root."""
    a = alt_model(knowledge)
    j = ALTERNATIVES.index(cause)
    need = math.log(ratio)
    for c, logs in zip(clues, root_logs, strict=True):
        row = a.rows.get((c.signal, c.finding))
        if row is not None:
            alt = (row.positive if c.positive else row.normal)[j] * c.log_weight
            if any(logs[r] - alt >= need for r in roots):
                return True
    back = any(r.region == "low_back" and r.side is not None for r in findings.pain)
    if back and -a.rows[LOW_BACK].positive[j] >= need:
        return True
    answers = findings.answers
    for question in questions:
        answer = answers.get(question)
        if (answer is YES or answer is NO) and not shown_elsewhere(question, findings, knowledge):
            row = a.rows[("answer", question)]
            if -(row.positive if answer is YES else row.normal)[j] >= need:
                return True
    return False
