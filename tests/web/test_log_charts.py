"""Server-drawn charts: long logs are thinned without losing a dip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from radiculog.web.symptomlog.charts import MAX_BUCKETS, Line, line_chart, thin


@given(st.lists(st.integers(0, 50), min_size=1, max_size=800))
def test_thinning_keeps_the_lowest_and_highest_values(values: list[int]) -> None:
    coords = [(float(n), float(v)) for n, v in enumerate(values)]
    kept = thin(coords)
    assert len(kept) <= max(len(coords), 2 * MAX_BUCKETS)
    assert min(v for _, v in kept) == min(values) and max(v for _, v in kept) == max(values)
    assert [x for x, _ in kept] == sorted(x for x, _ in kept)  # still in time order


def test_a_year_of_twice_daily_values_draws_a_short_line() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    points = [(start + timedelta(hours=12 * n), 10 - (n == 400) * 8) for n in range(730)]
    svg = BeautifulSoup(str(line_chart("Toe lift", [Line("right", points)])), "html.parser")
    drawn = svg.select_one("polyline")["points"].split()
    assert len(drawn) <= 2 * MAX_BUCKETS
    assert any(
        y == f"{svg_y(2):.1f}" for y in (p.split(",")[1] for p in drawn)
    )  # the dip to 2 is there
    assert not svg.select("circle")  # no markers on a long line


def svg_y(value: float, top: float = 10) -> float:
    from radiculog.web.symptomlog.charts import BOTTOM, HEIGHT, TOP

    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value / top)


def test_charts_escape_their_titles() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    points = [(start, 1), (start + timedelta(days=1), 2)]
    svg = str(line_chart("<script>x</script>", [Line("a&b", points)]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
