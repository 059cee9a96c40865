"""Score the root model on the calibration set (cases.json): leaning accuracy, the share
of cases whose confirmed root is in the top two, the Brier score, and per-root AUC to
compare with Iversen 2013's anchors (L4 0.95, L5 0.67, S1 0.66)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import radiculog
from radiculog.engine.knowledge import ROOTS

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[1] / "contract" / "copy" / "examples"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((HERE / "cases.json").read_text())["cases"]
    for case in cases:
        if "from_example" in case:
            example = json.loads((EXAMPLES / f"{case['from_example']}.json").read_text())
            case["findings"] = example["findings"]
    return cases


@dataclass
class Result:
    id: str
    truth: tuple[str, ...]  # the acceptable roots; () when not a root at all
    probabilities: dict[str, float]
    leaning: str | None
    pair: tuple[str, str] | None
    confidence: str
    gate: str
    pair_ok: bool

    @property
    def ranked(self) -> list[str]:
        return sorted(self.probabilities, key=lambda r: -self.probabilities[r])

    @property
    def leaning_right(self) -> bool:
        """Strict: one root named, and it is the confirmed one (no leaning for 'none')."""
        if not self.truth:
            return self.leaning is None and self.pair is None
        return self.leaning in self.truth

    @property
    def leaning_right_or_pair(self) -> bool:
        """Lenient: a pair containing the confirmed root also counts where the case allows it."""
        if self.leaning_right:
            return True
        return self.pair is not None and not set(self.truth).isdisjoint(self.pair)


@dataclass
class Scores:
    results: list[Result] = field(default_factory=list)

    @property
    def roots(self) -> list[Result]:
        return [r for r in self.results if r.truth]

    @property
    def single(self) -> list[Result]:
        return [r for r in self.results if len(r.truth) == 1]

    @property
    def not_roots(self) -> list[Result]:
        return [r for r in self.results if not r.truth]

    def leaning_accuracy(self) -> float:
        return sum(r.leaning_right for r in self.results) / len(self.results)

    def leaning_accuracy_with_pairs(self) -> float:
        ok = [r.leaning_right_or_pair if r.pair_ok or len(r.truth) > 1 else r.leaning_right
              for r in self.results]  # fmt: skip
        return sum(ok) / len(ok)

    def top_two(self) -> float:
        return sum(bool(set(r.ranked[:2]) & set(r.truth)) for r in self.roots) / len(self.roots)

    def brier(self) -> float:
        """Mean over single-root cases of the sum over roots of (probability - truth)^2."""
        total = 0.0
        for r in self.single:
            total += sum((r.probabilities[x] - (x in r.truth)) ** 2 for x in ROOTS)
        return total / len(self.single)

    def auc(self, root: str) -> float | None:
        """One root against the rest over single-root cases (ties count half)."""
        pos = [r.probabilities[root] for r in self.single if r.truth == (root,)]
        neg = [r.probabilities[root] for r in self.single if r.truth != (root,)]
        if not pos or not neg:
            return None
        wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
        return wins / (len(pos) * len(neg))

    def confident_on_not_roots(self) -> list[str]:
        """Non-root pictures given a leaning or more than low confidence."""
        return [r.id for r in self.not_roots if r.leaning or r.pair or r.confidence != "low"]

    def high_confidence_wrong(self) -> list[str]:
        return [r.id for r in self.roots if r.confidence == "high" and not r.leaning_right_or_pair]


def score(cases: list[dict[str, Any]] | None = None) -> Scores:
    scores = Scores()
    for case in cases if cases is not None else load_cases():
        a = radiculog.assess(case["findings"])
        truth = () if case["truth"] == "none" else tuple(case["truth"].split("|"))
        scores.results.append(
            Result(
                id=case["id"],
                truth=truth,
                probabilities={s.root: s.probability for s in a.roots.scores},
                leaning=a.roots.leaning,
                pair=a.roots.pair,
                confidence=a.roots.confidence,
                gate=a.roots.gate.state if a.roots.gate else "open",
                pair_ok=bool(case.get("pair_ok")),
            )
        )
    return scores
