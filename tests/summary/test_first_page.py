"""The clinician's first page, from logs built on the contract's worked example."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.conftest import load_example

import radiculog
from radiculog.engine.knowledge import load_knowledge
from radiculog.summary.first_page import first_page, warning_answers

T0 = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def log_of(*changes: dict[str, Any]) -> dict[str, Any]:
    base = load_example("01-l5-classic-no-weakness.json")["findings"]
    items = []
    for n, change in enumerate(changes):
        findings = copy.deepcopy(base)
        answers = change.pop("answers", {})
        findings["answers"].update(answers)
        for key in [k for k, v in answers.items() if v is None]:
            del findings["answers"][key]
        findings.update(change)
        at = (T0 + timedelta(hours=12 * n)).isoformat()
        items.append({"at": at, "findings": findings})
    return {"schema": "radiculog/log@1", "entries": items}


def page(log: dict[str, Any]) -> Any:
    result = first_page(log, radiculog.trend(log).to_dict())
    assert result is not None
    return result


def test_age_duration_tier_and_root() -> None:
    result = page(log_of({}, {}, {}))
    assert result.age == 41
    assert result.duration == "Symptoms for 7 days at the latest entry."  # 6 + one day of log
    assert result.tier == "watchful" and not result.any_warning
    assert result.root.startswith("Looks most like L5, right side; confidence")


def test_a_yes_earlier_in_the_log_stands_out_with_its_date() -> None:
    log = log_of({}, {"answers": {"bladder_change": True}}, {"answers": {"bladder_change": False}})
    result = page(log)
    top = result.screen[0]
    assert top.question == "new bladder trouble" and top.tier == "emergency"
    assert top.warning_at == T0 + timedelta(hours=12) and top.latest == "no"
    assert result.any_warning
    assert any("new bladder trouble, first 21 Nov 20:00" in line for line in result.why)


def test_unanswered_is_not_asked_never_no() -> None:
    result = page(log_of({"answers": {"fever": None}}))
    fever = next(r for r in result.screen if r.question == "fever with back pain")
    assert (fever.latest, fever.latest_at) == ("not asked", None)


def test_the_warning_answer_comes_from_the_rules() -> None:
    warnings = warning_answers(load_knowledge())
    assert warnings["can_walk_short_distances"] == (False, "soon")  # "no" is the warning
    assert warnings["bladder_change"] == (True, "emergency")
    result = page(log_of({"answers": {"can_walk_short_distances": False}}))
    walk = next(r for r in result.screen if r.question == "can walk a few minutes")
    assert walk.latest == "no" and walk.latest_warning and result.screen[0] is walk


def test_weakening_is_named_with_numbers_and_written_to_the_clinician() -> None:
    toe = [(10, 10), (10, 7), (10, 3)]
    log = log_of(*({"function": [{"test": "toe_lift", "left": a, "right": b}]} for a, b in toe))
    result = page(log)
    assert result.tier == "urgent"
    assert result.why[0] == (
        "Big-toe and foot lifts, right: 10 at first, 3 now (getting weaker over the log)."
    )
    assert result.asymmetry == ["Big-toe and foot lifts: weaker on the right (3 vs 10)."]
    assert result.trend[0] == "Strength tests got weaker over the log."
    words = " ".join([*result.why, result.root, *result.trend, result.tier_words]).lower()
    assert " you" not in words and "your " not in words


def test_a_clinician_seen_record_is_named_beside_the_warning_it_released() -> None:
    log = log_of({"answers": {"bladder_change": True}}, {}, {})
    seen_at = T0 + timedelta(hours=3)
    log2 = {**log, "schema": "radiculog/log@2", "clinician_seen": [{"at": seen_at.isoformat()}]}
    result = page(log2)
    (row,) = [r for r in result.screen if r.question == "new bladder trouble"]
    assert row.warning_at == T0 and row.seen_at == seen_at
    assert result.tier == "watchful"
    assert "seen by a clinician 21 Nov 11:00, so it no longer holds the tier" in result.why[0]
    unseen = page(log)  # the same log without the record: held, and nothing said of a visit
    (row,) = [r for r in unseen.screen if r.question == "new bladder trouble"]
    assert row.seen_at is None and unseen.tier == "emergency"
    assert "seen by a clinician" not in " ".join(unseen.why)


def test_a_visit_before_the_latest_warning_does_not_release_it() -> None:
    log = log_of({"answers": {"bladder_change": True}}, {"answers": {"bladder_change": True}}, {})
    seen = [{"at": (T0 + timedelta(hours=3)).isoformat()}]  # between the two reports
    result = page({**log, "schema": "radiculog/log@2", "clinician_seen": seen})
    (row,) = [r for r in result.screen if r.question == "new bladder trouble"]
    assert row.seen_at is None and result.tier == "emergency"


def test_an_answered_findings2_warning_question_gets_its_row() -> None:
    plain = page(log_of({}, {}))
    assert "tripping or toes catching" not in [r.question for r in plain.screen]
    toes = log_of({"answers": {"toes_catching": True}, "schema": "radiculog/findings@2"}, {})
    (row,) = [r for r in page(toes).screen if r.question == "tripping or toes catching"]
    assert row.tier == "urgent" and row.warning_at == T0


def test_warning_rows_are_listed_and_the_rest_fold_into_lines() -> None:
    log = log_of(
        {"answers": {"bladder_change": False, "fever": True, "bowel_change": None}},
        {"answers": {"bladder_change": False, "fever": False, "bowel_change": None}},
    )
    result = page(log)
    assert [r.question for r in result.listed] == ["fever with back pain"]  # a warning once
    calm = [r.question for r in result.calm]
    assert "new bladder trouble" in calm and "fever with back pain" not in calm
    assert result.calm_at == T0 + timedelta(hours=12)
    unanswered = {r.question for r in result.unanswered}
    assert "new bowel trouble" in unanswered  # never answered: not folded in with the "no"s
    assert not unanswered & set(calm)
    assert len(result.listed) + len(result.calm) + len(result.unanswered) == len(result.screen)


def test_a_warning_written_in_the_log_and_contradicted_answers_are_named() -> None:
    log = log_of({}, {"notes": "numb when I wipe"})
    result = page(log)
    assert result.tier == "emergency" and not result.any_warning  # no answer says so
    assert 'Written in the notes on 21 Nov 20:00: "numb when I wipe"' in " ".join(result.why)
    legs = [{"region": "calf", "side": "left"}, {"region": "calf", "side": "right"}]
    lines = page(log_of({"days_since_onset": 3, "pain": legs})).why
    assert (
        "Answer contradicted by the body map, onset or tests, read the more urgent way: "
        "new or worsening symptoms in both legs (emergency)."
    ) in lines


def test_the_duration_counts_from_the_first_symptom_date() -> None:
    """Entries naming the same first symptom date (the log page counts each entry's
    days since onset to its own date, one typed later for the day before included)
    give the days from that date (issue 27)."""
    log = log_of({}, {}, {"days_since_onset": 7})  # 21 Nov: 6, 22 Nov: 7 -> onset 15 Nov
    backdated = copy.deepcopy(log["entries"][-1])
    backdated["at"] = (T0 - timedelta(hours=12)).isoformat()  # 20 Nov 20:00
    backdated["findings"]["days_since_onset"] = 5  # 20 Nov, five days after 15 Nov
    result = page({**log, "entries": [backdated, *log["entries"]]})
    assert result.duration == "Symptoms for 7 days at the latest entry."  # 15 -> 22 Nov
    # An old log whose entries all carry the self-check's 6: from the earliest date.
    assert page(log_of({}, {}, {})).duration == "Symptoms for 7 days at the latest entry."


def test_the_screen_shows_the_tier_a_sign_holds_now_never_an_old_one() -> None:
    """Bladder trouble 21 days ago, unseen: the log is urgent (GIRFT 2023, more than two
    weeks), and its row says urgent, not emergency under an urgent headline."""
    log = log_of({"answers": {"bladder_change": True}}, {})
    log["entries"][0]["at"] = (T0 - timedelta(days=21)).isoformat()
    result = page(log)
    (row,) = [r for r in result.screen if r.question == "new bladder trouble"]
    assert result.tier == "urgent" and row.holds == "urgent"
    assert any("new bladder trouble" in line and "(urgent)" in line for line in result.why)
