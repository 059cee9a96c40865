"""The decision card: what to do for the tier, meanwhile, and the one daily check."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from radiculog.engine.findings import Findings
from radiculog.engine.knowledge import HomeTest, Knowledge
from radiculog.engine.red_flags import Reason
from radiculog.engine.roots import RootPicture

# Answers that mean the person falls or trips: no standing or walking test for them.
FALLS = frozenset({"repeated_falls", "toes_catching", "minor_fall"})


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
def _daily_tests(knowledge: Knowledge, seated_only: bool = False) -> dict[str, HomeTest]:
    """Root -> its one best daily check (the first home test listing it in daily_for);
    ``seated_only``: the first such test not done standing, else the first test done
    sitting or lying that checks the root at all."""
    tests: dict[str, HomeTest] = {}
    usable = [t for t in knowledge.home_tests.values() if not (seated_only and t.standing)]
    for test in usable:
        for root in test.daily_for:
            tests.setdefault(root, test)
    if seated_only:
        for test in usable:
            for root in test.roots:
                tests.setdefault(root, test)
    return tests


def falls(findings: Findings) -> bool:
    """The person falls, nearly falls or trips: standing tests are not safe for them."""
    return not FALLS.isdisjoint(findings.yes)


@cache
def _care(knowledge: Knowledge) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(knowledge.care["meanwhile"]), tuple(knowledge.care["avoid"])


def _check_for(
    knowledge: Knowledge, root: str, leaning: bool, seated_only: bool = False
) -> DailyCheck | None:
    test = _daily_tests(knowledge, seated_only).get(root)
    return DailyCheck(test, root, leaning) if test else None


def _checks_without_leaning(
    knowledge: Knowledge, first_root: str, second_root: str, seated_only: bool
) -> tuple[DailyCheck | None, DailyCheck | None]:
    """The checks for the two most probable roots (one when both use the same test)."""
    first = _check_for(knowledge, first_root, False, seated_only)
    second = _check_for(knowledge, second_root, False, seated_only)
    if first and second and first.test.id == second.test.id:
        second = None
    return first, second


def decision_card(
    knowledge: Knowledge,
    tier: str,
    roots: RootPicture,
    reasons: tuple[Reason, ...] = (),
    seated_only: bool = False,
) -> DecisionCard:
    """The card for ``tier``. What to tell them is the script of the most urgent
    reason that has one (each emergency cause its own), else the tier's.
    ``seated_only`` for someone who falls: no standing or walking daily check."""
    tell = next((r.tell for r in reasons if r.tier == tier and r.tell), "")
    first, second = roots.scores[0].root, roots.scores[1].root
    return _card(knowledge, tier, tell, roots.leaning, first, second, seated_only)


@cache
def _card(
    knowledge: Knowledge,
    tier: str,
    tell: str,
    leaning: str | None,
    first: str,
    second: str,
    seated_only: bool,
) -> DecisionCard:
    """The card for what it depends on: a few thousand cards at most, from the knowledge's
    tiers, scripts and roots, so each is built once and shared (it is immutable)."""
    advice = knowledge.tiers[tier]
    # In an emergency nothing should stand between the person and getting help.
    if tier == "emergency":
        checks: tuple[DailyCheck | None, DailyCheck | None] = (None, None)
    elif leaning:
        checks = _check_for(knowledge, leaning, True, seated_only), None
    else:
        checks = _checks_without_leaning(knowledge, first, second, seated_only)
    meanwhile, avoid = ((), ()) if tier == "emergency" else _care(knowledge)
    return DecisionCard(
        tier=tier,
        title=advice.title,
        do=advice.do,
        within=advice.within,
        tell=tell or advice.tell,
        meanwhile=meanwhile,
        avoid=avoid,
        daily_check=checks[0],
        also_check=checks[1],
    )
