from __future__ import annotations

from typing import Any

from radiculog.summary.sentences import clinician_sentences

TINGLE = [{"region": "dorsum_foot", "side": "right", "kind": "tingling"}]


def test_the_issue_example_reads_as_written(make_entry: Any, make_log: Any) -> None:
    log = make_log(
        make_entry(0, toe=(10, 8), sensory=TINGLE, triggers="15 minutes sitting"),
        make_entry(1, toe=(10, 4), sensory=TINGLE, easers="walking 8 minutes"),
    )
    sentences = clinician_sentences(log, None)
    assert "Toe lifts weaker on the right, 4 vs 10 (first entry: 8 vs 10)." in sentences
    assert "Top of the foot (right) tingles after 15 minutes sitting." in sentences
    assert "Walking 8 minutes eases it." in sentences


def test_the_weaker_side_is_named_and_given_first(make_entry: Any, make_log: Any) -> None:
    sentences = clinician_sentences(make_log(make_entry(0, toe=(3, 12))), None)
    assert "Toe lifts weaker on the left, 3 vs 12." in sentences


def test_words_without_counts_still_name_the_weaker_side(make_entry: Any, make_log: Any) -> None:
    sentences = clinician_sentences(make_log(make_entry(0, toe=("normal", "unable"))), None)
    assert "Toe lifts weaker on the right, unable vs normal." in sentences


def test_equal_sides_say_nothing_about_weakness(make_entry: Any, make_log: Any) -> None:
    sentences = clinician_sentences(make_log(make_entry(0, toe=(10, 10))), None)
    assert not any("weaker" in s for s in sentences)


def test_the_trend_is_put_into_words_after_the_specifics(make_entry: Any, make_log: Any) -> None:
    trend = {
        "function": "worsening",
        "sensory": "spreading",
        "pain_extent": "peripheralizing",
        "escalation": [{"id": "weakness_worsening", "text": "Your toe lifts are getting weaker"}],
    }
    log = make_log(make_entry(0, toe=(10, 10)), make_entry(5, toe=(10, 4)))
    sentences = clinician_sentences(log, trend)
    assert sentences[:2] == [
        "2 entries over 3 days, 21 Nov 08:00 to 23 Nov 20:00.",
        "Toe lifts weaker on the right, 4 vs 10 (first entry: 10 vs 10).",
    ]
    assert sentences[2:] == [
        "The area of numbness or tingling spread.",
        "Pain reached further down the leg (peripheralizing).",
    ]  # the banner carries the escalation; the numbers already say "weaker"


def test_without_a_side_difference_the_function_trend_is_said(
    make_entry: Any, make_log: Any
) -> None:
    log = make_log(make_entry(0, toe=(12, 12)), make_entry(1, toe=(8, 8)))
    sentences = clinician_sentences(log, {"function": "worsening"})
    assert "Strength tests got weaker over the log." in sentences


def test_several_changed_spots_are_named_together(make_entry: Any, make_log: Any) -> None:
    spots = [
        {"region": "dorsum_foot", "side": "right", "kind": "numb"},
        {"region": "great_toe", "side": "right", "kind": "numb"},
    ]
    sentences = clinician_sentences(make_log(make_entry(0, sensory=spots)), None)
    assert "Top of the foot (right) and big toe (right) are numb." in sentences


def test_insufficient_trend_is_not_put_into_words(make_entry: Any, make_log: Any) -> None:
    trend = {"function": "insufficient", "sensory": "insufficient", "pain_extent": "insufficient"}
    assert clinician_sentences(make_log(make_entry(0)), trend) == [
        "1 entry over 1 day, 21 Nov 08:00 to 21 Nov 08:00."
    ]


def test_the_most_common_trigger_is_the_one_reported(make_entry: Any, make_log: Any) -> None:
    log = make_log(
        make_entry(0, triggers="Bending"),
        make_entry(1, triggers="sitting in the car"),
        make_entry(2, triggers="Sitting in the car."),
    )
    assert "Worse after sitting in the car." in clinician_sentences(log, None)


def test_daily_measures_are_summarised_first_to_latest(make_entry: Any, make_log: Any) -> None:
    log = make_log(
        make_entry(0, notes="Pain 8/10. Sleep: hardly slept. Walked 5 minutes."),
        make_entry(1, notes="Pain 3/10. Sleep: slept well."),
        make_entry(2, notes="Pain 4/10. Sleep: woke with pain. Walked 20 minutes."),
    )
    sentences = clinician_sentences(log, None)
    assert "Pain 4/10 at the latest entry (first 8/10, range 3–8)." in sentences
    assert "Walked 20 minutes at the latest entry (first 5)." in sentences
    assert "Sleep disturbed by pain in 2 of 3 entries (latest: woke with pain)." in sentences


def test_an_empty_log_says_so(make_log: Any) -> None:
    assert clinician_sentences(make_log(), None) == ["The log has no entries yet."]


def test_a_one_rep_difference_is_not_called_weaker() -> None:
    from radiculog.summary.sentences import _side_difference
    from radiculog.summary.series import FunctionPoint

    assert _side_difference("calf_raise", FunctionPoint(None, 18, 17)) is None  # type: ignore[arg-type]
    text = _side_difference("toe_lift", FunctionPoint(None, 10, 4))  # type: ignore[arg-type]
    assert text is not None and "weaker on the right, 4 vs 10" in text
