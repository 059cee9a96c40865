"""Server-rendered SVG line charts (no JavaScript, no chart library).

Colours go in presentation attributes, not style attributes, so the content
security policy (style-src 'self') allows them; every chart has a <title> and
<desc>, and the page shows the same numbers in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 34, 40
MAX_MARKERS = 30
MAX_BUCKETS = 60  # the plot is about 430 units wide


@dataclass(frozen=True)
class Line:
    label: str
    points: Sequence[tuple[datetime, int | None]]
    colour: str = "#1d4f91"
    dashed: bool = False


def _x(at: datetime, start: datetime, span: float) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * ((at - start).total_seconds() / span if span else 0.5)


def _y(value: float, top: float) -> float:
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value / top if top else 0)


def _axes(top: float, start: datetime, end: datetime) -> list[str]:
    parts = []
    for step in (0, top / 2, top):
        y = _y(step, top)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#c8c8d0"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="18">{step:g}</text>'
        )
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 10}" font-size="18">{start:%d %b %H:%M}</text>')
    if end != start:
        x, label = WIDTH - RIGHT, f"{end:%d %b %H:%M}"
        parts.append(
            f'<text x="{x}" y="{HEIGHT - 10}" text-anchor="end" font-size="18">{label}</text>'
        )
    return parts


def thin(
    coords: list[tuple[float, float]], buckets: int = MAX_BUCKETS
) -> list[tuple[float, float]]:
    """At most two points per bucket of the time axis, the highest and the lowest
    in time order, so a year of entries draws fast and no dip is smoothed away."""
    if len(coords) <= 2 * buckets:
        return coords
    size = len(coords) / buckets
    out: list[tuple[float, float]] = []
    for n in range(buckets):
        group = coords[round(n * size) : round((n + 1) * size)]
        low, high = max(group, key=lambda c: c[1]), min(group, key=lambda c: c[1])  # y grows down
        out += sorted({low, high})
    return out


def _line(line: Line, start: datetime, span: float, top: float) -> list[str]:
    points = [(_x(at, start, span), _y(v, top)) for at, v in line.points if v is not None]
    coords = thin(points)
    if not coords:
        return []
    dash = ' stroke-dasharray="6 4"' if line.dashed else ""
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    parts = [
        f'<polyline points="{path}" fill="none" stroke="{line.colour}" stroke-width="2.5"{dash}/>'
    ]
    if len(points) > MAX_MARKERS:
        return parts  # a long log reads as a line; markers would only crowd it
    shape = "rect" if line.dashed else "circle"
    for x, y in coords:
        if shape == "circle":
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{line.colour}"/>')
        else:
            parts.append(
                f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{line.colour}"/>'
            )
    return parts


def _legend(lines: Sequence[Line]) -> list[str]:
    parts, x = [], LEFT
    for line in lines:
        dash = ' stroke-dasharray="6 4"' if line.dashed else ""
        stroke = f'stroke="{line.colour}" stroke-width="2.5"{dash}'
        parts.append(f'<line x1="{x}" x2="{x + 22}" y1="13" y2="13" {stroke}/>')
        parts.append(f'<text x="{x + 27}" y="19" font-size="18">{escape(line.label)}</text>')
        x += 48 + 10 * len(line.label)
    return parts


def line_chart(title: str, lines: Sequence[Line], top: float | None = None) -> SafeString:
    """An SVG chart of one or more lines over time; empty string without data."""
    values = [v for line in lines for _, v in line.points if v is not None]
    times = [at for line in lines for at, v in line.points if v is not None]
    if len(set(times)) < 2:
        return mark_safe("")  # one moment is not a trend
    scale = float(top if top is not None else max(max(values), 1))
    start, end = min(times), max(times)
    span = (end - start).total_seconds()
    body = _axes(scale, start, end) + [p for line in lines for p in _line(line, start, span, scale)]
    if len(lines) > 1:
        body += _legend(lines)
    desc = "; ".join(
        f"{line.label}: " + ", ".join(str(v) for _, v in line.points if v is not None)
        for line in lines
    )
    svg = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{''.join(body)}</svg>"
    )
    return mark_safe(svg)  # every interpolated text above is escaped
