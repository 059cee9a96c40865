"""Trend over a log: function per side, sensory area, pain extent, and escalation."""

from __future__ import annotations

from typing import Any

import radiculog
from tests.conftest import findings


def log(*entries: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": "radiculog/log@1",
        "entries": [
            {"at": f"2026-11-{10 + i // 2:02d}T{8 if i % 2 == 0 else 20:02d}:00:00Z", "findings": f}
            for i, f in enumerate(entries)
        ],
    }


def calf(left: int, right: int) -> list[dict[str, Any]]:
    return [{"test": "calf_raise", "left": left, "right": right}]


def test_a_side_getting_weaker_is_at_least_urgent_girft_deteriorating() -> None:
    a = radiculog.trend(log(findings(function=calf(20, 20)), findings(function=calf(20, 12))))
    assert a.trend is not None and a.trend.function == "worsening"
    assert a.urgency.tier == "urgent"
    assert "trend_weaker_calf_raise_right" in {r.id for r in a.urgency.reasons}
    assert "no_warning_signs" not in {r.id for r in a.urgency.reasons}


def test_improving_and_stable_function() -> None:
    better = radiculog.trend(log(findings(function=calf(8, 20)), findings(function=calf(18, 20))))
    same = radiculog.trend(log(findings(function=calf(18, 20)), findings(function=calf(19, 20))))
    assert better.trend and better.trend.function == "improving"
    assert same.trend and same.trend.function == "stable"


def test_spreading_numbness_is_at_least_soon() -> None:
    one = [{"region": "dorsum_foot", "side": "left", "repeatable": True}]
    more = [*one, {"region": "lateral_leg", "side": "left", "repeatable": True}]
    # Twelve hours apart: the larger area is marked at every entry for 48 hours.
    a = radiculog.trend(log(findings(sensory=one), *[findings(sensory=more)] * 5))
    assert a.trend and a.trend.sensory == "spreading"
    assert a.urgency.tier == "soon"
    # For 36 hours only: not yet consistent over 48-72 h, so not spreading.
    short = radiculog.trend(log(findings(sensory=one), *[findings(sensory=more)] * 4))
    assert short.trend and short.trend.sensory == "stable"
    b = radiculog.trend(log(findings(sensory=more), findings(sensory=one)))
    assert b.trend and b.trend.sensory == "shrinking" and b.urgency.tier == "watchful"


def test_centralizing_and_peripheralizing_follow_the_furthest_region() -> None:
    far = [{"region": "buttock", "side": "left"}, {"region": "calf", "side": "left"}]
    near = [{"region": "buttock", "side": "left"}]
    central = radiculog.trend(log(findings(pain=far), findings(pain=near)))
    periph = radiculog.trend(log(findings(pain=near), findings(pain=far)))
    assert central.trend and central.trend.pain_extent == "centralizing"
    assert central.urgency.tier == "watchful"
    assert periph.trend and periph.trend.pain_extent == "peripheralizing"
    assert periph.urgency.tier == "soon"  # Werneke 2001: non-centralising does worse


def test_one_entry_is_insufficient_and_equals_assessing_that_entry() -> None:
    doc = findings(function=calf(20, 20))
    a = radiculog.trend(log(doc))
    assert a.trend and (a.trend.function, a.trend.sensory, a.trend.pain_extent) == (
        "insufficient",
        "insufficient",
        "insufficient",
    )
    assert a.urgency.tier == radiculog.assess(doc).urgency.tier


def test_the_newest_entry_red_flag_overrides_a_calm_trend() -> None:
    a = radiculog.trend(log(findings(), findings(answers={"bladder_change": True})))
    assert a.urgency.tier == "emergency"


def test_entries_are_ordered_by_time_not_by_position() -> None:
    doc = log(findings(function=calf(20, 20)), findings(function=calf(20, 12)))
    doc["entries"].reverse()  # newest listed first: still read oldest first
    a = radiculog.trend(doc)
    assert a.trend and a.trend.function == "worsening"


def test_trend_document_has_the_contract_fields() -> None:
    d = radiculog.trend(log(findings(), findings())).to_dict()
    assert {"entries", "function", "sensory", "pain_extent"} <= set(d["trend"])
    assert d["trend"]["entries"] == 2


def test_a_difference_between_sides_that_appears_during_the_log_is_worsening() -> None:
    # Right 20 -> 17 is under the 25% drop the over-time rule needs and still above the
    # calf-raise norm (10), and the left rose, so only the new difference between the
    # sides flags it: the right is now clearly weaker than the left (17 vs 24), where
    # the sides were equal at first (trend.py _new_asymmetry; hazard H9).
    a = radiculog.trend(log(findings(function=calf(20, 20)), findings(function=calf(24, 17))))
    assert a.trend and a.trend.function == "worsening"
    assert a.urgency.tier == "urgent"
    assert "trend_weaker_calf_raise_right" in {r.id for r in a.urgency.reasons}
    assert "trend_weaker_calf_raise_left" not in {r.id for r in a.urgency.reasons}
    # The same drop on both sides keeps them equal, but both are now below the calf-raise
    # norm (fewer than 10): both legs getting weaker, an emergency (GIRFT 2023; issue 9).
    b = radiculog.trend(log(findings(function=calf(10, 10)), findings(function=calf(8, 8))))
    assert b.trend and b.trend.function == "worsening"
    assert b.urgency.tier == "emergency"
    assert "trend_weaker_both_sides" in {r.id for r in b.urgency.reasons}


# --- Issue 9: the whole series, not first against last. ---


def test_a_drop_from_the_best_is_worsening_even_when_first_and_last_match() -> None:
    # 10 at first, 15 the next day, 10 within 48 h: "10 at first, 10 now" hid the drop.
    a = radiculog.trend(
        log(
            findings(function=calf(20, 10)),
            findings(function=calf(20, 15)),
            findings(function=calf(20, 10)),
        )
    )
    change = next(c for c in a.trend.function_changes if c.side == "right")  # type: ignore[union-attr]
    assert (change.first, change.best, change.last) == (10, 15, 10)
    assert change.direction == "worsening"
    assert a.urgency.tier == "urgent"
    assert any("15 at best" in line for line in a.to_dict()["trend"]["text"])


def test_a_drop_that_recovered_is_reported_and_reviewed_within_days() -> None:
    a = radiculog.trend(
        log(
            findings(function=calf(20, 20)),
            findings(function=calf(20, 8)),
            findings(function=calf(20, 19)),
        )
    )
    change = next(c for c in a.trend.function_changes if c.side == "right")  # type: ignore[union-attr]
    assert change.dip == (20, 8) and change.direction == "stable"
    assert "trend_dip_calf_raise_right" in {r.id for r in a.urgency.reasons}
    assert a.urgency.tier in ("soon", "urgent", "emergency")


def test_a_slow_decline_on_both_sides_is_an_emergency() -> None:
    entries = [findings(function=calf(n, n)) for n in (10, 8, 8)]
    a = radiculog.trend(log(*entries))
    assert a.urgency.tier == "emergency"
    assert "cauda equina" in a.card.tell


def test_only_the_last_14_days_count_for_the_best_value() -> None:
    old = {"at": "2026-10-01T08:00:00Z", "findings": findings(function=calf(30, 30))}
    doc = log(findings(function=calf(20, 20)), findings(function=calf(20, 20)))
    doc["entries"].insert(0, old)
    a = radiculog.trend(doc)
    assert a.trend and a.trend.function == "stable"
