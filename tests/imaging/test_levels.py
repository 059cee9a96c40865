"""Level spellings, ranges and named roots (contract: imaging.md, "Level spellings")."""

from __future__ import annotations

import pytest

from radiculog.imaging.levels import CONTRACT_LEVELS, find_levels, levels_between
from radiculog.imaging.roots import anatomical_roots, exiting_root, traversing_root

SPELLINGS = [
    ("L4-5", ("L4-L5",)),
    ("L4-L5", ("L4-L5",)),
    ("L4/5", ("L4-L5",)),
    ("L4/L5", ("L4-L5",)),
    ("L45", ("L4-L5",)),
    ("L4 to L5", ("L4-L5",)),
    ("L-4-L-5", ("L4-L5",)),
    ("L4–5", ("L4-L5",)),
    ("l4-l5", ("L4-L5",)),
    ("L5/Sl", ("L5-S1",)),
    ("L5-S1", ("L5-S1",)),
    ("L5S1", ("L5-S1",)),
    ("LWK 5/SWK 1", ("L5-S1",)),
    ("LWK 4/5", ("L4-L5",)),
    ("BWK 12/LWK 1", ("T12-L1",)),
    ("T12-L1", ("T12-L1",)),
    ("S1-S2", ("S1-S2",)),
    ("L5-L6", ("L5-L6",)),
    ("the lumbosacral junction", ("L5-S1",)),
    ("L3-S1", ("L3-L4", "L4-L5", "L5-S1")),
    ("L1-2 through L3-4", ("L1-L2", "L2-L3", "L3-L4")),
    ("from L2 to L4", ("L2-L3", "L3-L4")),
    ("listhesis of L4 on L5", ("L4-L5",)),
]


@pytest.mark.parametrize(("text", "expected"), SPELLINGS)
def test_each_spelling_gives_the_contract_level(text: str, expected: tuple[str, ...]) -> None:
    mentions, _ = find_levels(text)
    assert [lv for m in mentions for lv in m.levels] == list(expected)


@pytest.mark.parametrize(
    "text",
    ["the left L5 and S1 nerve roots", "contacting the descending left S1 nerve root",
     "the exiting L4 root", "the traversing right L5"],
)  # fmt: skip
def test_named_roots_are_not_levels(text: str) -> None:
    mentions, vertebrae = find_levels(text)
    assert mentions == []
    assert vertebrae and all(v.is_root for v in vertebrae)


def test_signal_words_are_not_levels() -> None:
    assert find_levels("low T1/T2 signal")[0] == []
    assert find_levels("Slight bulge")[0] == []


def test_levels_between_skips_l6_unless_named() -> None:
    assert levels_between("L4", "S1") == ("L4-L5", "L5-S1")
    assert levels_between("L5", "L6") == ("L5-L6",)
    assert levels_between("L5", "L4") == ()


@pytest.mark.parametrize("level", [lv for lv in CONTRACT_LEVELS if lv != "L5-L6"])
def test_traversing_root_is_below_and_exiting_root_above(level: str) -> None:
    upper, lower = level.split("-")
    assert traversing_root(level) == lower
    assert exiting_root(level) == upper
    assert anatomical_roots(level, ["paracentral/subarticular"]) == [lower]
    assert anatomical_roots(level, ["lateral recess"]) == [lower]
    assert anatomical_roots(level, ["foraminal"]) == [upper]
    assert anatomical_roots(level, ["extraforaminal/far lateral"]) == [upper]
    assert anatomical_roots(level, ["diffuse"]) == []
    assert anatomical_roots(level, ["unstated"]) == []
