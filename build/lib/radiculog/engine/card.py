"""The decision card: what to do for the tier, meanwhile, and the one daily check."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from radiculog.engine.knowledge import HomeTest, Knowledge
from radiculog.engine.roots import RootPicture


class DailyCheck(NamedTuple):
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
    # Without a leaning, the check for the next most probable root too, so the two
    # commonest roots (L5, S1) are both watched rather than one picked by the prior alone.
    also_check: DailyCheck | None = None


@cache
def _daily_tests(knowledge: Knowledge) -> dict[str, HomeTest]:
    """Root -> its one best daily check (the first home test listing it in daily_for)."""
    tests: dict[str, HomeTest] = {}
    for test in knowledge.home_tests.values():
        for root in test.daily_for:
            tests.setdefault(root, test)
    return tests


@cache
def _care(knowledge: Knowledge) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(knowledge.care["meanwhile"]), tuple(knowledge.care["avoid"])


def _check_for(knowledge: Knowledge, root: str, leaning: bool) -> DailyCheck | None:
    test = _daily_tests(knowledge).get(root)
    return DailyCheck(test, root, leaning) if test else None


def daily_checks(
    knowledge: Knowledge, roots: RootPicture
) -> tuple[DailyCheck | None, DailyCheck | None]:
    if roots.leaning:
        return _check_for(knowledge, roots.leaning, True), None
    first = _check_for(knowledge, roots.scores[0].root, False)
    second = _check_for(knowledge, roots.scores[1].root, False)
    if first and second and first.test.id == second.test.id:
        second = None
    return first, second


def decision_card(knowledge: Knowledge, tier: str, roots: RootPicture) -> DecisionCard:
    advice = knowledge.tiers[tier]
    emergency = tier == "emergency"
    # In an emergency nothing should stand between the person and getting help.
    checks = (None, None) if emergency else daily_checks(knowledge, roots)
    meanwhile, avoid = ((), ()) if emergency else _care(knowledge)
    return DecisionCard(
        tier=tier,
        title=advice.title,
        do=advice.do,
        within=advice.within,
        tell=advice.tell,
        meanwhile=meanwhile,
        avoid=avoid,
        daily_check=checks[0],
        also_check=checks[1],
    )
