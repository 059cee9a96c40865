"""Issue 27: a log whose history can be trusted. Each test is one class of the issue:
what a clinician-seen record releases, dates in the future, signs older than the
window, what the series of entries means for the screen, and trends after a visit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

import radiculog
from radiculog.contract.errors import FindingsError
from tests.conftest import findings

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
LEFT = [{"region": "calf", "side": "left"}]
BOTH = [*LEFT, {"region": "calf", "side": "right"}]


def log(*entries: tuple[str, dict[str, Any]], seen: list[dict[str, Any]] | None = None) -> Any:
    doc: dict[str, Any] = {
        "schema": "radiculog/log@2",
        "entries": [{"at": at, "findings": f} for at, f in entries],
    }
    if seen is not None:
        doc["clinician_seen"] = seen
    return doc


def ids(a: radiculog.Assessment) -> set[str]:
    return {r.id for r in a.urgency.reasons}


def toes(left: int, right: int, **parts: Any) -> dict[str, Any]:
    return findings(function=[{"test": "toe_lift", "left": left, "right": right}], **parts)


BLADDER = (
    ("2026-11-27T08:00:00Z", findings(pain=LEFT, answers={"bladder_change": True})),
    ("2026-11-29T08:00:00Z", findings(pain=LEFT)),
)


# 1. A visit record releases only what it should.


def test_a_visit_dated_in_the_future_releases_nothing() -> None:
    """A booked appointment recorded as a visit: refused, and never read as one."""
    doc = log(*BLADDER, seen=[{"at": "2026-12-03T09:00:00Z"}])
    with pytest.raises(FindingsError, match=r"clinician_seen\[0\]\.at.*in the future"):
        radiculog.trend(doc, NOW)
    from radiculog.engine.log_visits import Visit
    from radiculog.engine.trend import assess_log

    parsed = radiculog.parse_log(doc)
    visit = Visit(datetime(2026, 12, 3, 9, tzinfo=UTC))
    assert assess_log(parsed, [visit], now=NOW).urgency.tier == "emergency"


def test_a_visit_about_the_foot_does_not_release_bladder_trouble() -> None:
    foot = {"at": "2026-11-28T10:00:00Z", "signs": ["weakness_new"]}
    a = radiculog.trend(log(*BLADDER, seen=[foot]), NOW)
    assert a.urgency.tier == "emergency" and "earlier_bladder_change" in ids(a)
    named = {"at": "2026-11-28T10:00:00Z", "signs": ["bladder_change"]}
    assert radiculog.trend(log(*BLADDER, seen=[named]), NOW).urgency.tier == "watchful"
    # A log@2 record without signs releases every sign shown then, as before.
    assert radiculog.trend(log(*BLADDER, seen=[{"at": named["at"]}]), NOW).urgency.tier == (
        "watchful"
    )


def test_a_visit_before_the_sign_does_not_release_it() -> None:
    a = radiculog.trend(log(*BLADDER, seen=[{"at": "2026-11-26T10:00:00Z"}]), NOW)
    assert a.urgency.tier == "emergency"


def test_a_visit_before_the_second_leg_began_does_not_hide_the_spread() -> None:
    entries = (
        ("2026-11-27T08:00:00Z", findings(pain=LEFT)),
        ("2026-11-28T08:00:00Z", findings(pain=BOTH)),
        ("2026-11-29T08:00:00Z", findings(pain=BOTH)),
    )
    before = radiculog.trend(log(*entries, seen=[{"at": "2026-11-27T10:00:00Z"}]), NOW)
    assert before.urgency.tier == "emergency" and "second_leg_new" in ids(before)
    # A visit after the spread that names it: the clinician saw both legs.
    after = {"at": "2026-11-28T10:00:00Z", "signs": ["second_leg_new"]}
    assert "second_leg_new" not in ids(radiculog.trend(log(*entries, seen=[after]), NOW))


# 2. Dates: the window counts back from the present.


def test_an_entry_in_the_future_is_refused_and_cannot_push_the_others_out() -> None:
    doc = log(*BLADDER, ("2027-11-29T08:00:00Z", findings()))
    with pytest.raises(FindingsError, match=r"entries\[2\]\.at.*in the future"):
        radiculog.trend(doc, NOW)
    # Read anyway (a document from before the check): the window still holds the sign.
    from radiculog.engine.trend import assess_log

    a = assess_log(radiculog.parse_log(doc), now=NOW)
    assert a.urgency.tier == "emergency" and "earlier_bladder_change" in ids(a)


def test_entries_out_of_order_read_in_time_order() -> None:
    doc = log(*reversed(BLADDER))
    assert radiculog.trend(doc, NOW).urgency.tier == "emergency"


# 4. The series feeds the screen.


@pytest.mark.parametrize(
    ("answers", "rule"),
    [
        ({"fever": True}, "fever_with_new_deficit"),
        ({"cancer_history": True}, "cancer_with_new_deficit"),
        ({"immunosuppressed_or_iv_drug_use": True}, "immune_risk_with_new_deficit"),
    ],
)
def test_strength_falling_over_the_log_is_a_new_deficit_for_the_combinations(
    answers: dict[str, bool], rule: str
) -> None:
    """Fever in one entry with toe lifts falling 10 -> 6, "new weakness" answered no:
    NICE NG234 / Finucane 2020 combinations fire as if weakness were new."""
    no = {"weakness_new": False}
    entries = (
        ("2026-11-28T08:00:00Z", toes(10, 10, pain=LEFT, answers=no)),
        ("2026-11-28T20:00:00Z", toes(8, 10, pain=LEFT, answers={**no, **answers})),
        ("2026-11-29T08:00:00Z", toes(6, 10, pain=LEFT, answers=no)),
    )
    a = radiculog.trend(log(*entries), NOW)
    assert a.urgency.tier == "emergency"
    assert rule in ids(a) or f"earlier_{rule}" in ids(a)


def test_pain_rising_from_3_to_9_within_a_day_is_call_today() -> None:
    entries = (
        ("2026-11-28T08:00:00Z", findings(notes="Pain 3/10.")),
        ("2026-11-28T20:00:00Z", findings(notes="Pain 6/10.")),
        ("2026-11-29T07:00:00Z", findings(notes="Pain 9/10.")),
    )
    a = radiculog.trend(log(*entries), NOW)
    assert a.urgency.tier == "urgent" and "trend_pain_escalating" in ids(a)
    reason = next(r for r in a.urgency.reasons if r.id == "trend_pain_escalating")
    assert "3/10 to 9/10" in reason.text and "Sun 29 Nov 2026 at 07:00" in reason.text
    slow = [
        (f"2026-11-{20 + n}T08:00:00Z", findings(notes=f"Pain {3 + 2 * n}/10.")) for n in range(4)
    ]
    assert "trend_pain_escalating" not in ids(radiculog.trend(log(*slow), NOW))


def test_patchy_numbness_that_comes_and_goes_is_not_spreading() -> None:
    spots = [
        [{"region": "calf", "side": "left"}],
        [{"region": r, "side": "left"} for r in ("calf", "sole", "dorsum_foot")],
        [],
        [{"region": r, "side": "left"} for r in ("calf", "sole")],
    ]
    entries = [(f"2026-11-{26 + n}T08:00:00Z", findings(sensory=s)) for n, s in enumerate(spots)]
    a = radiculog.trend(log(*entries), NOW)
    assert a.trend is not None and a.trend.sensory != "spreading"
    assert "trend_numbness_spreading" not in ids(a)


# 5. A visit never releases a trend; seen and not worse since, it is known weakness.


FALLING = (
    ("2026-11-27T08:00:00Z", toes(10, 10, pain=LEFT)),
    ("2026-11-28T08:00:00Z", toes(5, 10, pain=LEFT)),
    ("2026-11-29T08:00:00Z", toes(5, 10, pain=LEFT)),
)


def test_weakness_seen_by_a_clinician_and_stable_since_is_known_weakness() -> None:
    seen = [{"at": "2026-11-28T12:00:00Z"}]
    a = radiculog.trend(log(*FALLING, seen=seen), NOW)
    assert a.urgency.tier == "soon"
    assert "trend_weaker_known_toe_lift_left" in ids(a)
    assert "trend_weaker_toe_lift_left" not in ids(a)


def test_weakness_worse_since_the_visit_stays_urgent_and_a_visit_naming_other_signs_keeps_it() -> (
    None
):
    worse = (*FALLING[:2], ("2026-11-29T08:00:00Z", toes(2, 10, pain=LEFT)))
    a = radiculog.trend(log(*worse, seen=[{"at": "2026-11-28T12:00:00Z"}]), NOW)
    assert a.urgency.tier == "urgent" and "trend_weaker_toe_lift_left" in ids(a)
    other = [{"at": "2026-11-28T12:00:00Z", "signs": ["fever"]}]
    assert radiculog.trend(log(*FALLING, seen=other), NOW).urgency.tier == "urgent"


def test_a_visit_before_the_weakness_showed_does_not_make_it_known() -> None:
    a = radiculog.trend(log(*FALLING, seen=[{"at": "2026-11-27T12:00:00Z"}]), NOW)
    assert a.urgency.tier == "urgent"


def test_signs_must_be_sign_ids() -> None:
    bad = log(*BLADDER, seen=[{"at": "2026-11-28T10:00:00Z", "signs": ["Bladder!"]}])
    with pytest.raises(FindingsError, match=r"clinician_seen\[0\]\.signs"):
        radiculog.trend(bad, NOW)
