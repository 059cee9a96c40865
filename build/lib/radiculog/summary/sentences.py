"""Clinician-ready sentences generated from a log and the engine's trend.

Example: "Top of the foot (right) tingles after 15 minutes sitting.",
"Toe lifts weaker on the right, 4 vs 10 (first entry: 8 vs 10).",
"Walking 8 minutes eases it."  The trend itself is the engine's
(`radiculog.trend`); this module only puts it and the raw log into words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from radiculog.engine.findings import FunctionResult
from radiculog.engine.function import weaker_side
from radiculog.summary.labels import SLEEP_LABELS, place, test_phrase
from radiculog.summary.measures import measures_of
from radiculog.summary.series import FunctionPoint, entries, function_series, parse_at

TREND_WORDS: dict[str, dict[str, str]] = {
    "function": {
        "worsening": "Strength tests got weaker over the log.",
        "improving": "Strength tests got stronger over the log.",
        "stable": "Strength tests stayed about the same.",
    },
    "sensory": {
        "spreading": "The area of numbness or tingling spread.",
        "shrinking": "The area of numbness or tingling shrank.",
        "stable": "The area of numbness or tingling stayed the same.",
    },
    "pain_extent": {
        "peripheralizing": "Pain reached further down the leg (peripheralizing).",
        "centralizing": "Pain retreated toward the back (centralizing).",
        "stable": "Pain reached the same place throughout.",
    },
}


def clinician_sentences(log: Mapping[str, Any], trend: Mapping[str, Any] | None) -> list[str]:
    """Short sentences a clinician can read in one glance, most important first."""
    items = entries(log)
    if not items:
        return ["The log has no entries yet."]
    function = _function(log)
    sentences = [_span(log), *function]
    sentences += _feeling_and_triggers(log)
    sentences += _trend(trend or {}, skip_function=bool(function))
    sentences += _measures(log)
    return sentences


def _span(log: Mapping[str, Any]) -> str:
    items = entries(log)
    first, last = parse_at(items[0]["at"]), parse_at(items[-1]["at"])
    days = (last.date() - first.date()).days + 1
    noun = "entry" if len(items) == 1 else "entries"
    day_noun = "day" if days == 1 else "days"
    return f"{len(items)} {noun} over {days} {day_noun}, {first:%d %b %H:%M} to {last:%d %b %H:%M}."


def _trend(trend: Mapping[str, Any], skip_function: bool) -> list[str]:
    """The engine's trend directions in words (its escalation reasons are shown
    separately, in the banner, in the person's own words)."""
    out = []
    for field, words in TREND_WORDS.items():
        if field == "function" and skip_function:
            continue  # the per-test sentences already say it, with numbers
        sentence = words.get(str(trend.get(field)))
        if sentence:
            out.append(sentence)
    return out


def _function(log: Mapping[str, Any]) -> list[str]:
    out = []
    for test, points in function_series(log).items():
        latest = points[-1]
        sentence = _side_difference(test, latest)
        if sentence is None:
            continue
        if len(points) > 1 and points[0] != latest:
            first = points[0]
            sentence += f" (first entry: {_pair(first, _weaker_side(latest))})"
        out.append(sentence + ".")
    return out


def _weaker_side(point: FunctionPoint) -> str:
    """The side to name first: the engine's weaker side, else the lower count."""
    judged = weaker_side(FunctionResult("", point.left, point.right))
    if judged is not None:
        return judged
    left, right = point.left, point.right
    if isinstance(left, int) and isinstance(right, int):
        return "left" if left < right else "right"
    return "right"


def _pair(point: FunctionPoint, weaker: str) -> str:
    """ "4 vs 10": the weaker side first, as a clinician reads it."""
    values = (point.left, point.right) if weaker == "left" else (point.right, point.left)
    return " vs ".join("—" if v is None else str(v) for v in values)


def _side_difference(test: str, point: FunctionPoint) -> str | None:
    """Only a difference the engine counts as weakness is called "weaker" (the same
    rule as the assessment: knowledge/method.toml [weakness]); 17 vs 18 is not."""
    if point.left is None or point.right is None or point.left == point.right:
        return None
    weaker = weaker_side(FunctionResult("", point.left, point.right))
    if weaker is None:
        return None
    return f"{test_phrase(test)} weaker on the {weaker}, {_pair(point, weaker)}"


def _most_common(texts: list[str]) -> tuple[str, int] | None:
    cleaned = [t.strip().rstrip(".") for t in texts if t and t.strip()]
    if not cleaned:
        return None
    counts = Counter(t.lower() for t in cleaned)
    key, count = counts.most_common(1)[0]
    original = next(t for t in reversed(cleaned) if t.lower() == key)
    return original, count


def _feeling_and_triggers(log: Mapping[str, Any]) -> list[str]:
    items = entries(log)
    latest = items[-1]["findings"]
    trigger = _most_common([str(e.get("triggers", "")) for e in items])
    easer = _most_common([str(e.get("easers", "")) for e in items])
    out = []
    sensory = latest.get("sensory", [])
    if sensory:
        spots = sensory[:3]
        where = " and ".join(place(s["region"], s.get("side")) for s in spots).capitalize()
        numb = all(s.get("kind") == "numb" for s in spots)
        one = len(spots) == 1
        verb = ("is numb" if one else "are numb") if numb else ("tingles" if one else "tingle")
        after = f" after {_after(trigger[0])}" if trigger else ""
        out.append(f"{where} {verb}{after}.")
    elif trigger:
        out.append(f"Worse after {_after(trigger[0])}.")
    if easer:
        text = easer[0][0].upper() + easer[0][1:]
        out.append(f"{text} eases it.")
    return out


def _after(trigger: str) -> str:
    text = trigger[6:] if trigger.lower().startswith("after ") else trigger
    return text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _measures(log: Mapping[str, Any]) -> list[str]:
    measures = [measures_of(e["findings"]) for e in entries(log)]
    out = []
    pains = [m.pain for m in measures if m.pain is not None]
    if pains:
        out.append(
            f"Pain {pains[-1]}/10 at the latest entry (first {pains[0]}/10, "
            f"range {min(pains)}–{max(pains)})."
        )
    walks = [m.walk_minutes for m in measures if m.walk_minutes is not None]
    if walks:
        out.append(f"Walked {walks[-1]} minutes at the latest entry (first {walks[0]}).")
    sleeps = [m.sleep for m in measures if m.sleep is not None]
    woken = sum(1 for s in sleeps if s != "well")
    if sleeps:
        out.append(
            f"Sleep disturbed by pain in {woken} of {len(sleeps)} entries "
            f"(latest: {SLEEP_LABELS[sleeps[-1]]})."
        )
    return out
