"""Outlines of the body-map drawings, as polygons in a 240-unit-wide picture.

Legs are drawn from two contour lines (outer and inner edge, as (y, x) key
points); a region is a band between two heights and two fractions of the
leg's width, so neighbouring regions share edges exactly. Only the leg on the
viewer's left is described here; bodymap.py mirrors it for the other leg.
Regions are listed top of the body first: the checkbox lists follow this order.
"""

from __future__ import annotations

import itertools
import math

Point = tuple[float, float]
Points = tuple[Point, ...]
Contour = tuple[tuple[float, float], ...]  # (y, x) key points, top to bottom


def edge_x(contour: Contour, y: float) -> float:
    for (y0, x0), (y1, x1) in itertools.pairwise(contour):
        if y0 <= y <= y1:
            t = 0 if y1 == y0 else (y - y0) / (y1 - y0)
            return x0 + t * (x1 - x0)
    raise ValueError(f"y={y} is outside the contour")


def band(outer: Contour, inner: Contour, y0: float, y1: float, f0: float, f1: float) -> Points:
    """The part of the leg between heights y0..y1 and width fractions f0..f1 (0 = outer edge)."""
    steps = max(2, math.ceil((y1 - y0) / 8))
    ys = [y0 + (y1 - y0) * i / steps for i in range(steps + 1)]

    def at(y: float, f: float) -> Point:
        xo, xi = edge_x(outer, y), edge_x(inner, y)
        return (round(xo + f * (xi - xo), 1), round(y, 1))

    return tuple([at(y, f0) for y in ys] + [at(y, f1) for y in reversed(ys)])


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 18) -> Points:
    return tuple(
        (
            round(cx + rx * math.cos(2 * math.pi * i / n), 1),
            round(cy + ry * math.sin(2 * math.pi * i / n), 1),
        )
        for i in range(n)
    )


FRONT_OUTER: Contour = (
    (40, 26),
    (90, 30),
    (150, 42),
    (200, 54),
    (245, 56),
    (290, 52),
    (345, 60),
    (405, 70),
)
FRONT_INNER: Contour = (
    (40, 119),
    (90, 114),
    (150, 108),
    (200, 102),
    (245, 100),
    (290, 104),
    (345, 98),
    (405, 92),
)
BACK_OUTER: Contour = (
    (4, 36), (46, 30), (84, 25), (124, 32), (200, 48), (252, 56), (292, 56),
    (335, 50), (412, 68),
)  # fmt: skip
BACK_INNER: Contour = (
    (4, 120), (46, 120), (46.1, 113), (124, 113), (124.1, 112), (200, 104), (252, 100),
    (292, 100), (335, 105), (412, 92),
)  # fmt: skip

FRONT: dict[str, Points] = {
    "groin": band(FRONT_OUTER, FRONT_INNER, 40, 84, 0.68, 1),
    "anterior_thigh": band(FRONT_OUTER, FRONT_INNER, 40, 200, 0.3, 0.68),
    "lateral_thigh": band(FRONT_OUTER, FRONT_INNER, 40, 200, 0, 0.3),
    "medial_thigh": band(FRONT_OUTER, FRONT_INNER, 84, 200, 0.68, 1),
    "anterior_knee": band(FRONT_OUTER, FRONT_INNER, 200, 245, 0, 0.7),
    "medial_knee": band(FRONT_OUTER, FRONT_INNER, 200, 245, 0.7, 1),
    "anterior_shin": band(FRONT_OUTER, FRONT_INNER, 245, 405, 0.3, 0.62),
    "lateral_leg": band(FRONT_OUTER, FRONT_INNER, 245, 405, 0, 0.3),
    "medial_shin": band(FRONT_OUTER, FRONT_INNER, 245, 405, 0.62, 1),
}
BACK: dict[str, Points] = {
    "low_back": band(BACK_OUTER, BACK_INNER, 4, 46, 0, 1),
    "buttock": band(BACK_OUTER, BACK_INNER, 46, 124, 0, 1),
    "posterior_thigh": band(BACK_OUTER, BACK_INNER, 124, 252, 0, 1),
    "posterior_knee": band(BACK_OUTER, BACK_INNER, 252, 292, 0, 1),
    "calf": band(BACK_OUTER, BACK_INNER, 292, 412, 0, 1),
}
# Left foot seen from above (toes up, big toe toward the middle), then its sole.
FOOT: dict[str, Points] = {
    "great_toe": ellipse(101, 26, 11, 19),
    "first_web_space": ((86, 40), (92, 42), (92, 54), (84, 52)),
    "dorsum_foot": ((62, 46), (84, 52), (92, 54), (100, 50), (100, 120), (62, 122)),
    "medial_foot": ((100, 50), (108, 46), (114, 48), (114, 80), (110, 122), (100, 120)),
    "lateral_foot": (
        (46, 44),
        (50, 34),
        (57, 32),
        (62, 40),
        (62, 122),
        (52, 124),
        (47, 100),
        (45, 70),
    ),
    "medial_ankle": ellipse(104, 132, 10, 13, 14),
    "lateral_ankle": ellipse(56, 136, 10, 13, 14),
    "sole": (
        (52, 196),
        (60, 178),
        (80, 170),
        (104, 172),
        (114, 186),
        (112, 214),
        (104, 240),
        (100, 262),
        (56, 262),
        (54, 236),
        (48, 214),
    ),
    "heel": ((56, 262), (100, 262), (100, 280), (92, 294), (78, 298), (64, 294), (56, 280)),
}
SADDLE: Points = ((113, 50), (127, 50), (127, 124), (113, 124))

OUTLINES: dict[str, tuple[Points, ...]] = {
    # hips above the legs; the feet below the shins
    "front": (
        ((28, 14), (119, 10), (119, 40), (26, 40)),
        ((70, 405), (92, 405), (98, 430), (96, 444), (64, 446), (60, 432)),
    ),
    "back": (((68, 412), (92, 412), (96, 440), (64, 440)),),
    "foot": (
        ellipse(86, 30, 5, 9, 10),
        ellipse(76, 33, 5, 8, 10),
        ellipse(67, 37, 4, 7, 10),
        ((64, 122), (94, 122), (92, 150), (66, 150)),
    ),
}
