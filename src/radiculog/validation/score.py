"""Score the engine on the published vignette set (validation/vignettes/*.json).

Each vignette is written from a cited published case, teaching case or
published vignette, with its gold tier and (where the source names one) gold
root. The figures: exact tier, under-triage (less urgent than gold), over-triage
(more urgent), acceptable (exact, or one level more urgent), correct on Semigran
2015's three levels (via TIER_TO_SEMIGRAN), leaning right (the engine leans to
the gold root), and calibration (the probability given to the gold root, and its
Brier score over the roots).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import radiculog

TIERS = ("watchful", "soon", "urgent", "emergency")  # least to most urgent
# Semigran 2015's three levels: emergent care required, non-emergent care
# reasonable, self care reasonable (BMJ 2015;351:h3480, Methods).
TIER_TO_SEMIGRAN = {
    "emergency": "emergent",
    "urgent": "non-emergent",
    "soon": "non-emergent",
    "watchful": "self-care",
}
KINDS = (
    "published case",
    "published vignette",
    "teaching case",
    "teaching text",
    "guideline example",
)


@dataclass(frozen=True)
class Scored:
    id: str
    title: str
    source: dict[str, str]
    gold_tier: str
    tier: str
    gold_root: str | None
    leaning: str | None
    p_gold: float | None
    brier: float | None

    @property
    def offset(self) -> int:
        """How many levels more urgent than gold (negative: under-triage)."""
        return TIERS.index(self.tier) - TIERS.index(self.gold_tier)


def load(directory: Path) -> list[dict[str, Any]]:
    vignettes = []
    for path in sorted(directory.glob("*.json")):
        vignette = json.loads(path.read_text("utf-8"))
        check(vignette, path.name)
        vignettes.append(vignette)
    return vignettes


def check(vignette: dict[str, Any], name: str) -> None:
    """A vignette names its source and has a gold tier from the four."""
    source = vignette.get("source", {})
    if source.get("kind") not in KINDS or not source.get("citation") or not source.get("url"):
        raise ValueError(f"{name}: source needs kind (one of {', '.join(KINDS)}), citation and url")
    gold = vignette.get("gold", {})
    if gold.get("tier") not in TIERS or not gold.get("tier_basis"):
        raise ValueError(f"{name}: gold needs a tier (one of {', '.join(TIERS)}) and its basis")


def score(vignette: dict[str, Any]) -> Scored:
    result: dict[str, Any] = radiculog.assess(vignette["findings"]).to_dict()
    gold_root = vignette["gold"].get("root")
    p_gold = brier = None
    if gold_root:
        probabilities = {r["root"]: float(r["probability"]) for r in result["roots"]}
        p_gold = probabilities.get(gold_root, 0.0)
        brier = sum((p - (root == gold_root)) ** 2 for root, p in probabilities.items())
    return Scored(
        id=vignette["id"],
        title=vignette["title"],
        source=vignette["source"],
        gold_tier=vignette["gold"]["tier"],
        tier=result["urgency"]["tier"],
        gold_root=gold_root,
        leaning=result["leaning"],
        p_gold=p_gold,
        brier=brier,
    )


@dataclass(frozen=True)
class Summary:
    n: int
    exact: int
    under: int
    over: int
    acceptable: int
    semigran_correct: int
    with_root: int
    leaning_right: int
    leaning_none: int
    mean_p_gold: float | None
    mean_brier: float | None


def summarise(scored: Sequence[Scored]) -> Summary:
    rooted = [s for s in scored if s.gold_root]
    p_gold = [s.p_gold for s in rooted if s.p_gold is not None]
    briers = [s.brier for s in rooted if s.brier is not None]
    return Summary(
        n=len(scored),
        exact=sum(s.offset == 0 for s in scored),
        under=sum(s.offset < 0 for s in scored),
        over=sum(s.offset > 0 for s in scored),
        acceptable=sum(0 <= s.offset <= 1 for s in scored),
        semigran_correct=sum(
            TIER_TO_SEMIGRAN[s.tier] == TIER_TO_SEMIGRAN[s.gold_tier] for s in scored
        ),
        with_root=len(rooted),
        leaning_right=sum(s.leaning == s.gold_root for s in rooted),
        leaning_none=sum(s.leaning is None for s in rooted),
        mean_p_gold=sum(p_gold) / len(p_gold) if p_gold else None,
        mean_brier=sum(briers) / len(briers) if briers else None,
    )
