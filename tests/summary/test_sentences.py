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


def test_escalation_comes_before_the_rest_of_the_trend(make_entry: Any, make_log: Any) -> None:
    trend = {
        "function": "worsening",
        "sensory": "spreading",
        "pain_extent": "peripheralizing",
        "escalation": [{"id": "weakness_worsening", "text": "Toe lifts are getting weaker"}],
    }
    sentences = clinician_sentences(make_log(make_entry(0), make_entry(5)), trend)
    assert sentences[0] == "2 entries over 3 days, 21 Nov 08:00 to 23 Nov 20:00."
    assert sentences[1] == "Escalation: Toe lifts are getting weaker."
    assert "Pain reached further down the leg (peripheralizing)." in sentences
    assert "The area of numbness or tingling spread." in sentences


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
