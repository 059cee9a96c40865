"""Plain-words labels for contract ids, read from the knowledge vocabulary.

Function-test phrases are report wording (plural nouns that fit "Toe lifts
weaker on the right"), not clinical data, so they live here.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

TEST_PHRASES: dict[str, tuple[str, str]] = {
    # test id: (plural phrase for sentences, short column heading)
    "step_down": ("Controlled step-downs", "Step-down"),
    "sit_to_stand": ("Single-leg sit-to-stands", "Sit-to-stand"),
    "heel_walk": ("Heel walking", "Heel walk"),
    "toe_lift": ("Toe lifts", "Toe lift"),
    "hip_abduction": ("Side-lying leg lifts", "Side leg lift"),
    "calf_raise": ("Single-leg calf raises", "Calf raise"),
    "toe_walk": ("Tiptoe walking", "Toe walk"),
}

SLEEP_LABELS: dict[str, str] = {
    "well": "slept well",
    "woken": "woke with pain",
    "barely": "hardly slept",
}


@cache
def _vocabulary() -> dict[str, Any]:
    text = files("radiculog.knowledge").joinpath("vocabulary.toml").read_text("utf-8")
    return tomllib.loads(text)


def region_label(region: str) -> str:
    """The plain-words name of a body-map region ("top of the foot")."""
    regions: dict[str, Any] = _vocabulary().get("regions", {})
    return str(regions.get(region, {}).get("label", region.replace("_", " ")))


def region_level(region: str) -> int:
    """How far down the leg a region lies (0 back ... 7 toes)."""
    regions: dict[str, Any] = _vocabulary().get("regions", {})
    return int(regions.get(region, {}).get("level", 0))


def test_phrase(test: str) -> str:
    return TEST_PHRASES.get(test, (test.replace("_", " ").capitalize(), ""))[0]


def test_heading(test: str) -> str:
    return TEST_PHRASES.get(test, ("", test.replace("_", " ").capitalize()))[1]


def place(region: str, side: str | None) -> str:
    """ "top of the foot (right)"; the saddle area has no side."""
    label = region_label(region)
    return f"{label} ({side})" if side else label
