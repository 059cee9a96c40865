"""A log is screened over every entry of the last 14 days (GIRFT 2023's window), until
the person records that a clinician has seen them (log@2 clinician_seen)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest

import radiculog
from radiculog.contract.errors import FindingsError
from tests.conftest import findings

LEFT = [{"region": "calf", "side": "left"}]
BOTH = [*LEFT, {"region": "calf", "side": "right"}]


def log(*entries: tuple[str, dict[str, Any]], seen: list[str] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema": "radiculog/log@2" if seen is not None else "radiculog/log@1",
        "entries": [{"at": at, "findings": f} for at, f in entries],
    }
    if seen is not None:
        doc["clinician_seen"] = [{"at": at} for at in seen]
    return doc


def ids(a: radiculog.Assessment) -> set[str]:
    return {r.id for r in a.urgency.reasons}


BLADDER_THEN_GONE = (
    ("2026-11-20T08:00:00Z", findings(pain=LEFT)),
    ("2026-11-22T08:00:00Z", findings(pain=LEFT, answers={"bladder_change": True})),
    ("2026-11-24T08:00:00Z", findings(pain=LEFT)),
)


def test_bladder_trouble_on_day_3_and_gone_on_day_5_keeps_the_log_an_emergency() -> None:
    a = radiculog.trend(log(*BLADDER_THEN_GONE))
    assert a.urgency.tier == "emergency"
    reason = next(r for r in a.urgency.reasons if r.id == "earlier_bladder_change")
    assert "log entry of Sun 22 Nov 2026 at 08:00" in reason.text
    assert "no_warning_signs" not in ids(a)
    # Its own script, on the card: what to say at the emergency department.
    assert "cauda equina" in a.card.tell


def test_the_entry_date_is_the_entrys_own_local_time() -> None:
    a = radiculog.trend(
        log(
            ("2026-11-22T23:30:00-05:00", findings(answers={"fever": True})),
            ("2026-11-24T08:00:00-05:00", findings()),
        )
    )
    reason = next(r for r in a.urgency.reasons if r.id == "earlier_fever")
    assert "Sun 22 Nov 2026 at 23:30" in reason.text
    assert a.urgency.tier == "urgent"


def test_a_clinician_seen_record_after_the_sign_releases_it() -> None:
    a = radiculog.trend(log(*BLADDER_THEN_GONE, seen=["2026-11-23T10:00:00Z"]))
    assert a.urgency.tier == "watchful"
    assert "earlier_bladder_change" not in ids(a)


def test_a_clinician_seen_record_before_the_sign_does_not_release_it() -> None:
    a = radiculog.trend(log(*BLADDER_THEN_GONE, seen=["2026-11-21T10:00:00Z"]))
    assert a.urgency.tier == "emergency"


def test_a_sign_older_than_14_days_no_longer_holds_its_own_tier() -> None:
    a = radiculog.trend(
        log(
            ("2026-11-01T08:00:00Z", findings(answers={"fever": True})),
            ("2026-11-16T08:00:00Z", findings()),
        )
    )
    assert a.urgency.tier == "watchful"


def test_an_unseen_cauda_equina_sign_older_than_14_days_keeps_the_log_urgent() -> None:
    """GIRFT 2023: cauda equina symptoms present for more than two weeks -> urgent
    referral (not immediate); named with its date until a clinician has seen it."""
    entries = (
        ("2026-11-01T08:00:00Z", findings(answers={"bladder_change": True})),
        ("2026-11-16T08:00:00Z", findings()),
    )
    a = radiculog.trend(log(*entries))
    assert a.urgency.tier == "urgent"
    reason = next(r for r in a.urgency.reasons if r.id == "older_bladder_change")
    assert "Sun 01 Nov 2026 at 08:00" in reason.text and reason.tier == "urgent"
    seen = radiculog.trend(log(*entries, seen=["2026-11-02T09:00:00Z"]))
    assert seen.urgency.tier == "watchful"


def test_pain_newly_in_the_second_leg_counts_as_both_legs_while_the_answer_stays_no() -> None:
    a = radiculog.trend(
        log(
            ("2026-11-20T08:00:00Z", findings(pain=LEFT)),
            ("2026-11-21T08:00:00Z", findings(pain=LEFT)),
            ("2026-11-22T08:00:00Z", findings(pain=BOTH)),
        )
    )
    assert a.urgency.tier == "emergency"
    assert "second_leg_new" in ids(a)


def test_a_second_leg_that_came_and_went_is_still_carried() -> None:
    a = radiculog.trend(
        log(
            ("2026-11-20T08:00:00Z", findings(pain=LEFT)),
            ("2026-11-21T08:00:00Z", findings(pain=BOTH)),
            ("2026-11-22T08:00:00Z", findings(pain=LEFT)),
        )
    )
    assert a.urgency.tier == "emergency"
    assert "earlier_second_leg_new" in ids(a)


def test_both_legs_from_the_start_is_not_newly_both() -> None:
    a = radiculog.trend(
        log(
            ("2026-11-20T08:00:00Z", findings(pain=BOTH)),
            ("2026-11-21T08:00:00Z", findings(pain=BOTH)),
        )
    )
    assert "second_leg_new" not in ids(a)


def test_a_fall_reported_earlier_keeps_standing_tests_off_the_card() -> None:
    thigh = [{"region": "anterior_thigh", "side": "left"}]
    a = radiculog.trend(
        log(
            ("2026-11-20T08:00:00Z", findings(pain=thigh, answers={"repeated_falls": True})),
            ("2026-11-21T08:00:00Z", findings(pain=thigh)),
        )
    )
    for check in (a.card.daily_check, a.card.also_check):
        assert check is None or not check.test.standing


def test_other_explanations_follow_the_logs_tier_not_the_newest_entrys() -> None:
    a = radiculog.trend(log(*BLADDER_THEN_GONE))
    assert not [e for e in a.other_explanations if e.calm_only]


def bad(schema: str, seen: object) -> dict[str, Any]:
    one = [{"at": "2026-11-20T08:00:00Z", "findings": findings()}]
    return {"schema": f"radiculog/{schema}", "entries": one, "clinician_seen": seen}


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        (bad("log@1", []), "clinician_seen"),
        (bad("log@2", [{"at": "yesterday"}]), "clinician_seen[0].at"),
        (bad("log@2", [{"at": "2026-11-21T08:00:00Z", "who": "x"}]), "clinician_seen[0].who"),
        (bad("log@2", "x"), "clinician_seen"),
        (bad("log@3", []), "schema"),
    ],
)
def test_a_bad_clinician_seen_record_is_named(doc: dict[str, Any], field: str) -> None:
    with pytest.raises(FindingsError) as caught:
        radiculog.trend(doc)
    assert field in {e.path for e in caught.value.errors}


def test_the_command_line_exits_2_naming_a_bad_seen_record(tmp_path: Any) -> None:
    import io

    from radiculog.cli import main

    path = tmp_path / "log.json"
    path.write_text(json.dumps(bad("log@2", [{"at": "tuesday"}])))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["trend", str(path)], io.StringIO())
    assert code == 2
    assert "clinician_seen[0].at" in err.getvalue()


def test_an_earlier_not_sure_on_the_cauda_equina_questions_holds_until_they_are_answered() -> None:
    """Issue 18: "not sure" on every cauda equina question is urgent, and an earlier one
    is carried while the newest entry leaves them unanswered too; once the newest entry
    answers them, the newer answer is what counts (a yes is its own emergency)."""
    unsure = {"bladder_change": None, "bowel_change": None, "saddle_numbness": None}
    first = findings(answers=unsure)
    later_unanswered = findings(answers={**unsure, "fever": False})
    later_answered = findings()
    for last, tier in ((later_unanswered, "urgent"), (later_answered, "watchful")):
        log = {
            "schema": "radiculog/log@1",
            "entries": [
                {"at": "2026-11-20T08:00:00Z", "findings": first},
                {"at": "2026-11-21T08:00:00Z", "findings": last},
            ],
        }
        assert radiculog.trend(log).urgency.tier == tier
