"""A small, static body map (front, back, feet) with the pain and changed-feeling
areas of one entry filled in, for "first vs latest" on the log page and report.

The shapes are the self-check's own (radiculog.web.selfcheck.bodymap), so the
log and the check draw the same picture. Presentation attributes only (CSP).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from radiculog.web.selfcheck import bodymap

PAIN, FEELING, EMPTY, EDGE = "#c8571b", "#0b6e8a", "#f3f4f7", "#767682"
VIEWS = ("front", "back", "foot")
CAPTIONS = {"front": _("Front"), "back": _("Back"), "foot": _("Feet (tops, soles)")}


def keys(spots: Iterable[dict[str, Any]]) -> set[str]:
    """findings spots -> the map's keys ("left:calf", "saddle")."""
    return {f"{s['side']}:{s['region']}" if s.get("side") else s["region"] for s in spots}


def _shape(shape: bodymap.Shape, pain: set[str], feeling: set[str]) -> str:
    fill = PAIN if shape.key in pain else FEELING
    stroke, width = (FEELING, 5) if shape.key in pain and shape.key in feeling else (EDGE, 1)
    return (
        f'<polygon points="{shape.points}" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="{width}"><title>{escape(shape.label)}</title></polygon>'
    )


def _blank(shapes: Iterable[bodymap.Shape]) -> str:
    """Every unmarked area as one path: far fewer elements for the PDF renderer."""
    d = " ".join(f"M{s.points}Z" for s in shapes)
    if not d:
        return ""
    return f'<path d="{d}" fill="{EMPTY}" stroke="{EDGE}" stroke-width="1"/>'


def _view(view: str, pain: set[str], feeling: set[str]) -> list[str]:
    shapes = bodymap.shapes(view)
    spots = pain | feeling
    outlines = " ".join(f"M{p}Z" for p in bodymap.outlines(view))
    return [
        f'<path d="{outlines}" fill="none" stroke="{EDGE}"/>',
        _blank(s for s in shapes if s.key not in spots),
        *(_shape(s, pain, feeling) for s in shapes if s.key in spots),
    ]


def _captions(view: str) -> list[str]:
    """The view's name, and which leg is which (the front view is mirrored)."""
    near = bodymap.SHAPES[view][0]
    far = "left" if near == "right" else "right"
    name = escape(str(CAPTIONS[view]))
    bold = 'text-anchor="middle" font-size="20" font-weight="700"'
    return [
        f'<text x="120" y="488" text-anchor="middle" font-size="20">{name}</text>',
        f'<text x="70" y="462" {bold}>{near[0].upper()}</text>',
        f'<text x="170" y="462" {bold}>{far[0].upper()}</text>',
    ]


def mini_map(findings: dict[str, Any], title: str) -> SafeString:
    pain, feeling = keys(findings.get("pain", [])), keys(findings.get("sensory", []))
    parts, x = [], 0
    for view in VIEWS:
        parts.append(f'<g transform="translate({x},0)">')
        parts += _view(view, pain, feeling)
        parts += _captions(view)
        parts.append("</g>")
        x += 250
    svg = (
        f'<svg class="bodymap-mini" viewBox="0 0 740 496" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{"".join(parts)}</svg>'
    )
    return mark_safe(svg)  # every interpolated text is escaped above


def view_maps(findings: dict[str, Any], title: str) -> list[SafeString]:
    """The same picture as one SVG per view, for phones: laid out two to a row by
    the page's CSS, each view is about twice the size it has in the one-row map."""
    pain, feeling = keys(findings.get("pain", [])), keys(findings.get("sensory", []))
    out = []
    for view in VIEWS:
        label = escape(f"{title}: {CAPTIONS[view]}")
        body = "".join([*_view(view, pain, feeling), *_captions(view)])
        out.append(
            mark_safe(  # every interpolated text is escaped
                f'<svg class="bodymap-view bodymap-{view}" viewBox="0 0 240 496" role="img" '
                f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
                f"<title>{label}</title>{body}</svg>"
            )
        )
    return out
