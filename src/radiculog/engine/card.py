"""The decision card: what to do for the tier, meanwhile, and the one daily check."""

from __future__ import annotations

from dataclasses import dataclass

from radiculog.engine.knowledge import HomeTest, Knowledge


@dataclass(frozen=True)
class DailyCheck:
    test: HomeTest
    root: str
    leaning: bool  # False when no leaning: the check follows the most probable root


@dataclass(frozen=True)
class DecisionCard:
    tier: str
    title: str
    do: str
    within: str
    tell: str
    meanwhile: tuple[str, ...]
    avoid: tuple[str, ...]
    daily_check: DailyCheck | None


def daily_check(knowledge: Knowledge, leaning: str | None, top_root: str) -> DailyCheck | None:
    root = leaning or top_root
    for test in knowledge.home_tests.values():
        if root in test.daily_for:
            return DailyCheck(test, root, leaning is not None)
    return None


def decision_card(
    knowledge: Knowledge, tier: str, leaning: str | None, top_root: str
) -> DecisionCard:
    advice = knowledge.tiers[tier]
    care = knowledge.care
    emergency = tier == "emergency"
    return DecisionCard(
        tier=tier,
        title=advice.title,
        do=advice.do,
        within=advice.within,
        tell=advice.tell,
        # In an emergency nothing should stand between the person and getting help.
        meanwhile=() if emergency else tuple(care["meanwhile"]),
        avoid=() if emergency else tuple(care["avoid"]),
        daily_check=None if emergency else daily_check(knowledge, leaning, top_root),
    )
