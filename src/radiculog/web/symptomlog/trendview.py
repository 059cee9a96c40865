"""What the log page and the report show about a log: charts, the function
table, the body map first vs latest, and the trend in words.

The trend's direction comes from the engine's assessment; this module only
lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radiculog.summary.labels import place, test_heading
from radiculog.summary.measures import measures_of
from radiculog.summary.series import (
    function_series,
    pain_series,
    parse_at,
    reps,
    sensory_area_series,
)
from radiculog.web.symptomlog.bodymap_svg import mini_map, view_maps
from radiculog.web.symptomlog.charts import Line, line_chart

LEFT_COLOUR, RIGHT_COLOUR = "#1d4f91", "#a14a00"


@dataclass(frozen=True)
class Chart:
    title: str
    svg: SafeString


@dataclass(frozen=True)
class MapSide:
    label: str
    spots: list[str]


def charts(doc: dict[str, Any]) -> list[Chart]:
    out = []
    for test, points in function_series(doc).items():
        title = _("%(test)s: clean repetitions per side") % {"test": test_heading(test)}
        lines = [
            Line(_("left"), [(p.at, reps(p.left)) for p in points], LEFT_COLOUR),
            Line(_("right"), [(p.at, reps(p.right)) for p in points], RIGHT_COLOUR, dashed=True),
        ]
        out.append(Chart(title, line_chart(title, lines)))
    title = _("Pain, 0 to 10")
    out.append(Chart(title, line_chart(title, pain_lines(doc), top=10)))
    area = [(p.at, p.value) for p in sensory_area_series(doc)]
    title = _("Areas of changed feeling (number of body-map areas)")
    out.append(Chart(title, line_chart(title, [Line(_("areas"), area, "#0b6e8a")])))
    return [c for c in out if c.svg]


def pain_lines(doc: dict[str, Any]) -> list[Line]:
    """Leg and back pain (older entries: one overall pain), only the lines with values."""
    daily = [(parse_at(e["at"]), measures_of(e["findings"])) for e in doc["entries"]]
    lines = [
        Line(_("leg"), [(at, m.leg_pain) for at, m in daily], RIGHT_COLOUR),
        Line(_("back"), [(at, m.back_pain) for at, m in daily], LEFT_COLOUR, dashed=True),
        Line(_("pain"), [(p.at, p.value) for p in pain_series(doc)]),
    ]
    return [line for line in lines if any(v is not None for _at, v in line.points)]


def _spots(findings: dict[str, Any], key: str) -> list[str]:
    return [place(s["region"], s.get("side")) for s in findings.get(key, [])]


def body_maps(doc: dict[str, Any]) -> dict[str, Any] | None:
    """Pain and changed feeling at the first and the latest entry. The drawings are
    made when the template asks for them (it calls them): a page shows either the
    one-row map (PDF) or the map per view (screen), never both."""
    if not doc["entries"]:
        return None
    first, latest = doc["entries"][0]["findings"], doc["entries"][-1]["findings"]
    return {
        "first": _maps_of(first, _("Body map at the first entry")),
        "latest": _maps_of(latest, _("Body map at the latest entry")),
    }


def _maps_of(findings: dict[str, Any], title: str) -> dict[str, Any]:
    return {
        "pain": _spots(findings, "pain"),
        "feeling": _spots(findings, "sensory"),
        "svg": partial(mini_map, findings, title),
        "views": partial(view_maps, findings, title),
    }


DIRECTION_WORDS = {
    "peripheralizing": gettext_lazy(
        "Pain is reaching further down the leg than at first (peripheralizing). "
        "This can mean the nerve is more irritated."
    ),
    "centralizing": gettext_lazy(
        "Pain is retreating toward the back (centralizing). This is usually a good sign."
    ),
    "stable": gettext_lazy("Pain reaches about as far down the leg as at first."),
}


def direction(assessment: dict[str, Any] | None) -> str:
    trend = (assessment or {}).get("trend", {})
    return str(DIRECTION_WORDS.get(str(trend.get("pain_extent")), ""))
