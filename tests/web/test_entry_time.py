"""The entry-time rule on its own (plain Python, fixed clocks)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from radiculog.web.symptomlog.entry_time import EntryTimeError, earliest, entry_moment

ZONES = [ZoneInfo(z) for z in ("UTC", "Europe/London", "America/New_York", "Pacific/Auckland")]


@given(
    now=st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)),
    zone=st.sampled_from(ZONES),
    day=st.sampled_from(["today", "yesterday"]),
    at=st.times(),
)
def test_an_accepted_moment_is_never_in_the_future_nor_before_yesterday(
    now: datetime, zone: ZoneInfo, day: str, at: time
) -> None:
    try:
        moment = entry_moment(day, at, now, zone)
    except EntryTimeError:
        return
    assert earliest(now, zone) <= moment <= now
    assert now - moment < timedelta(hours=49)


def test_now_is_now() -> None:
    now = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    assert entry_moment("now", None, now, ZoneInfo("UTC")) == now


def test_errors_name_the_field() -> None:
    now = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    with pytest.raises(EntryTimeError) as info:
        entry_moment("today", time(7, 0), now, ZoneInfo("UTC"))
    assert info.value.field == "when_time"
    with pytest.raises(EntryTimeError) as info:
        entry_moment("last_week", time(7, 0), now, ZoneInfo("UTC"))
    assert info.value.field == "when_day"
