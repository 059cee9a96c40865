"""The reminder calendar, checked by parsing it the way RFC 5545 says."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from radiculog.exports.ics import ReminderError, next_days, reminders_ics

NOW = datetime(2026, 11, 21, 7, 30, tzinfo=UTC)


def parse(text: str) -> list[dict[str, list[str]]]:
    """Components as {property: [values]}, after checking lines and nesting."""
    assert text.endswith("\r\n")
    raw = text[:-2].split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in raw)
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]  # unfold (3.1)
        else:
            lines.append(line)
    stack: list[tuple[str, dict[str, list[str]]]] = []
    done: list[dict[str, list[str]]] = []
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append((value, {"_kind": [value]}))
        elif name == "END":
            kind, props = stack.pop()
            assert kind == value
            done.append(props)
        else:
            stack[-1][1].setdefault(name, []).append(value)
    assert not stack
    return done


def test_two_check_ins_a_day_for_each_chosen_day() -> None:
    days = next_days(date(2026, 11, 21), 3)
    parts = parse(reminders_ics(days, now=NOW))
    events = [p for p in parts if p["_kind"] == ["VEVENT"]]
    assert [e["DTSTART"][0] for e in events] == [
        "20261121T080000", "20261121T200000",
        "20261122T080000", "20261122T200000",
        "20261123T080000", "20261123T200000",
    ]  # fmt: skip
    assert len({e["UID"][0] for e in events}) == 6
    assert all(e["DTSTAMP"] == ["20261121T073000Z"] for e in events)
    assert sum(p["_kind"] == ["VALARM"] for p in parts) == 6


def test_the_calendar_has_the_required_properties() -> None:
    calendar = parse(reminders_ics([date(2026, 11, 21)], now=NOW))[-1]
    assert calendar["_kind"] == ["VCALENDAR"]
    assert calendar["VERSION"] == ["2.0"]
    assert calendar["PRODID"][0].startswith("-//Radiculog//")


def test_chosen_times_and_link_are_used() -> None:
    text = reminders_ics(
        [date(2026, 11, 22)],
        [time(21, 15), time(7, 0)],
        url="https://app.example/log/new/",
        now=NOW,
    )
    events = [p for p in parse(text) if p["_kind"] == ["VEVENT"]]
    assert [e["DTSTART"][0][-6:] for e in events] == ["070000", "211500"]
    assert events[0]["URL"] == ["https://app.example/log/new/"]


def test_text_is_escaped_and_long_lines_fold_without_splitting_characters() -> None:
    summary = "Café, check-in; bien sûr " * 6
    text = reminders_ics([date(2026, 11, 21)], summary=summary, now=NOW)
    event = next(p for p in parse(text) if p["_kind"] == ["VEVENT"])
    assert event["SUMMARY"][0] == summary.replace(",", "\\,").replace(";", "\\;")
    long_lines = [line for line in text.split("\r\n") if line.startswith(" ")]
    assert long_lines, "a long summary is folded onto continuation lines"


def test_no_days_is_refused_with_the_allowed_range() -> None:
    with pytest.raises(ReminderError, match="1 to 31 days"):
        reminders_ics([], now=NOW)
