"""Score the root model on messy pictures (messy.json, issue 26): leaning accuracy on the
cases that demand a root, the acceptable rate, overconfidence, the top-two rate, the
Brier score over the roots and "not a root", and reliability by confidence label."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import radiculog
from radiculog.engine.knowledge import ROOTS
from tests.engine.calibration.score import HERE

LABELS = ("high", "moderate", "low")


def load_messy() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((HERE / "messy.json").read_text())["cases"]
    return cases


@dataclass
class Outcome:
    id: str
    truth: tuple[str, ...]  # () when the cause was not a root
    held_out: bool
    cap: float
    probabilities: dict[str, float]  # the roots, and "none" for not a root
    leaning: str | None
    pair: tuple[str, str] | None
    confidence: str

    @property
    def top_root(self) -> str:
        return max(ROOTS, key=lambda r: self.probabilities[r])

    @property
    def named(self) -> set[str]:
        return {self.leaning} if self.leaning else set(self.pair or ())

    @property
    def leaning_right(self) -> bool:
        if not self.truth:
            return not self.named
        return self.leaning in self.truth or not set(self.pair or ()).isdisjoint(self.truth)

    @property
    def overconfident(self) -> bool:
        """A root other than the confirmed one above the case's cap."""
        return any(self.probabilities[r] > self.cap for r in ROOTS if r not in self.truth)

    @property
    def top_two(self) -> bool:
        ranked = sorted(self.probabilities, key=lambda r: -self.probabilities[r])[:2]
        return bool(set(ranked) & (set(self.truth) or {"none"}))

    @property
    def acceptable(self) -> bool:
        """Nothing wrong named, nothing wrong above the cap, and the truth in the top two."""
        wrong = bool(self.named) and not self.leaning_right
        return not wrong and not self.overconfident and self.top_two

    @property
    def brier(self) -> float:
        truth = set(self.truth) or {"none"}
        # A case with two acceptable roots counts the likelier of them as the truth.
        if len(truth) > 1:
            truth = {max(truth, key=lambda r: self.probabilities[r])}
        return sum((p - (k in truth)) ** 2 for k, p in self.probabilities.items())


def outcomes(cases: list[dict[str, Any]] | None = None) -> list[Outcome]:
    out = []
    for case in cases if cases is not None else load_messy():
        a = radiculog.assess(case["findings"])
        probs = {s.root: s.probability for s in a.roots.scores} | {"none": a.roots.not_root}
        truth = () if case["truth"] == "none" else tuple(case["truth"].split("|"))
        out.append(
            Outcome(case["id"], truth, bool(case.get("held_out")), float(case["cap"]), probs,
                    a.roots.leaning, a.roots.pair, a.roots.confidence)
        )  # fmt: skip
    return out


def summary(results: list[Outcome]) -> dict[str, Any]:
    roots = [r for r in results if r.truth]
    mimics = [r for r in results if not r.truth]
    reliability = {}
    for label in LABELS:
        got = [r for r in results if r.confidence == label and r.named]
        mean = sum(sum(r.probabilities[x] for x in r.named) for r in got) / len(got) if got else 0
        right = sum(r.leaning_right for r in got) / len(got) if got else 0
        reliability[label] = (len(got), mean, right)
    return {
        "cases": len(results),
        "mimics": len(mimics),
        "leaning_right_roots": sum(r.leaning_right for r in roots) / len(roots) if roots else 1.0,
        "acceptable": sum(r.acceptable for r in results) / len(results),
        "overconfident": [r.id for r in results if r.overconfident],
        "max_root_on_mimics": max((r.probabilities[r.top_root] for r in mimics), default=0.0),
        "top_two": sum(r.top_two for r in results) / len(results),
        "brier": sum(r.brier for r in results) / len(results),
        "reliability": reliability,
    }
