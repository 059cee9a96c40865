"""The body map: SVG shapes for every region in the contract vocabulary.

Shapes are drawn once, for the leg on the viewer's left, and mirrored for the
other leg. Every view puts the person's left leg on the left, as they see their
own legs when they look down at them (front, tops of the feet) or in a mirror
behind them (back, soles), so a person never has to swap sides between views.
The outer side of each leg is drawn outward in every view. The picture only helps the
eye: the real controls are the labelled checkboxes beside it, so the map works
by keyboard, with a screen reader and without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from radiculog.web.selfcheck import geometry, wording
from radiculog.web.selfcheck.geometry import Points

WIDTH = 240

# view -> (person's side drawn on the viewer's left, {region: polygon})
SHAPES: dict[str, tuple[str, dict[str, Points]]] = {
    "front": ("left", geometry.FRONT),
    "back": ("left", geometry.BACK),
    "foot": ("left", geometry.FOOT),
}
HEIGHTS = {"front": 468, "back": 462, "foot": 318}
SIDE_WORDS: dict[str, str | Promise] = {"left": _("Your left leg"), "right": _("Your right leg")}

VIEW_TITLES: dict[str, str | Promise] = {
    "front": _("Front of your legs, as you look down at them"),
    "back": _("Back of your legs and low back"),
    "foot": _("Your feet: tops (upper pair) and soles (lower pair)"),
}

# Classic root of each skin area, for the L4 / L5 / S1 picture only (orientation,
# not evidence): the "classic root(s)" column of the contract's vocabulary.md.
PICTURE_ROOT = {
    "anterior_knee": "L4", "medial_knee": "L4", "medial_shin": "L4",
    "medial_ankle": "L4", "medial_foot": "L4",
    "lateral_thigh": "L5", "lateral_leg": "L5", "anterior_shin": "L5",
    "dorsum_foot": "L5", "great_toe": "L5", "first_web_space": "L5",
    "buttock": "S1", "posterior_thigh": "S1", "posterior_knee": "S1", "calf": "S1",
    "lateral_ankle": "S1", "lateral_foot": "S1", "sole": "S1", "heel": "S1",
}  # fmt: skip


@dataclass(frozen=True)
class Shape:
    key: str  # "left:calf" or "saddle"
    region: str
    side: str | None
    points: str
    label: str
    root: str | None


def _mirror(points: Points) -> Points:
    return tuple((WIDTH - x, y) for x, y in points)


def _fmt(points: Points) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


def _label(region: str, side: str | None) -> str:
    text = wording.region(region)
    if side == "left":
        return str(_("left %(area)s")) % {"area": text}
    if side == "right":
        return str(_("right %(area)s")) % {"area": text}
    return text


def shapes(view: str) -> tuple[Shape, ...]:
    """The view's shapes with labels in the active language. The geometry never
    changes, so they are drawn once per view and language: every log and report page
    draws twelve of these maps."""
    return _shapes(view, get_language())


@cache
def _shapes(view: str, language: str | None) -> tuple[Shape, ...]:
    near_side, regions = SHAPES[view]
    far_side = "left" if near_side == "right" else "right"
    out: list[Shape] = []
    for side, mirror in ((near_side, False), (far_side, True)):
        for region, pts in regions.items():
            drawn = _mirror(pts) if mirror else pts
            out.append(
                Shape(f"{side}:{region}", region, side, _fmt(drawn), _label(region, side),
                      PICTURE_ROOT.get(region))
            )  # fmt: skip
    if view == "back":
        out.append(
            Shape("saddle", "saddle", None, _fmt(geometry.SADDLE), _label("saddle", None), None)
        )
    return tuple(out)


@cache
def outlines(view: str) -> tuple[str, ...]:
    drawn: list[str] = []
    for pts in geometry.OUTLINES[view]:
        drawn += [_fmt(pts), _fmt(_mirror(pts))]
    return tuple(drawn)


def region_order(view: str) -> list[str]:
    """Regions of a view in the order the checkboxes list them (geometry.py's order)."""
    return list(SHAPES[view][1])


ALL_KEYS: tuple[str, ...] = (
    *(f"{side}:{r}" for view in SHAPES for r in SHAPES[view][1] for side in ("left", "right")),
    "saddle",
)


def checkbox_groups(view: str) -> list[dict[str, object]]:
    """Checkboxes of a view, grouped by leg in the picture's order, top of the body first."""
    near_side = SHAPES[view][0]
    far_side = "left" if near_side == "right" else "right"
    groups: list[dict[str, object]] = [
        {
            "legend": SIDE_WORDS[side],
            "boxes": [
                (f"{side}:{r}", f"{side}-{r}", wording.region(r)) for r in region_order(view)
            ],
        }
        for side in (near_side, far_side)
    ]
    if view == "back":
        groups.append(
            {"legend": _("No side"), "boxes": [("saddle", "saddle", wording.region("saddle"))]}
        )
    return groups


def view_context(view: str) -> dict[str, object]:
    return {
        "id": view,
        "title": VIEW_TITLES[view],
        "height": HEIGHTS[view],
        "near_side": SHAPES[view][0],
        "shapes": shapes(view),
        "outlines": outlines(view),
        "groups": checkbox_groups(view),
    }
