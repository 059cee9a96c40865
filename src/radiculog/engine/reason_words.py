"""The words of the engine's own reasons (knowledge/reasons.toml): which values each
reason is filled with, and filling them in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Any

# The reasons of reasons.toml, and the values the engine fills in for each person in
# their words. The file must use exactly these: the knowledge does not load otherwise.
REASON_FIELDS: dict[str, frozenset[str]] = {
    "screening_incomplete": frozenset({"unanswered"}),
    "no_warning_signs": frozenset(),
    "earlier": frozenset({"when", "sign_text", "sign_action"}),
    "trend_weaker": frozenset({"side", "test_name", "best", "last"}),
    "trend_dip": frozenset({"side", "test_name", "dip_from", "dip_to", "last"}),
    "trend_weaker_both_sides": frozenset(),
    "trend_numbness_spreading": frozenset(),
    "trend_peripheralizing": frozenset(),
    "older": frozenset({"when", "sign_text"}),
    "trend_weaker_known": frozenset({"side", "test_name", "seen", "last"}),
    "trend_pain_escalating": frozenset({"low", "high", "when"}),
}
KEEP = frozenset().union(*REASON_FIELDS.values())  # left for the engine when loading


@dataclass(frozen=True)
class ReasonWords:
    """One reason of reasons.toml: its words, with the region's services filled in and
    the per-person values (``fields``) still to fill."""

    id: str
    tier: str  # empty: the tier is in method.toml (the trend reasons) or the rule's
    text: str
    action: str
    tell: str
    sources: tuple[str, ...]
    fields: frozenset[str]

    def words(self, values: Mapping[str, object]) -> tuple[str, str, str]:
        """Text, action and tell with ``values`` filled in: every field, and no other."""
        if values.keys() != self.fields:
            raise KeyError(
                f"reasons.toml [{self.id}] is filled with {sorted(self.fields)}, "
                f"not {sorted(values)}"
            )
        if not values:
            return self.text, self.action, self.tell
        return (
            self.text.format_map(values),
            self.action.format_map(values),
            self.tell.format_map(values),
        )


def _placeholders(text: str) -> set[str]:
    """The {names} in a sentence; a format spec or conversion ({best:>3}, {side!r}) is
    not allowed (the values are filled in as plain text)."""
    names = set()
    for _, name, spec, conversion in Formatter().parse(text):
        if name is not None:
            if spec or conversion or not name.isidentifier():
                raise ValueError(f"reasons.toml: {{{name}}} must be a plain name: {text!r}")
            names.add(name)
    return names


def parse(raw: dict[str, Any], tiers: tuple[str, ...]) -> dict[str, ReasonWords]:
    """reasons.toml as loaded (services filled in, per-person values kept): every reason
    the engine gives is there, and uses exactly the values it is given."""
    if raw.keys() != REASON_FIELDS.keys():
        raise ValueError(
            f"reasons.toml: reasons {sorted(raw)}; the engine gives {sorted(REASON_FIELDS)}"
        )
    reasons = {}
    for key, r in raw.items():
        words = ReasonWords(
            id=key,
            tier=r.get("tier", ""),
            text=r["text"],
            action=r["action"],
            tell=r.get("tell", ""),
            sources=tuple(r["sources"]),
            fields=REASON_FIELDS[key],
        )
        used = set().union(*map(_placeholders, (words.text, words.action, words.tell)))
        if used != words.fields:
            raise ValueError(
                f"reasons.toml [{key}]: uses {sorted(used)}; the engine fills "
                f"{sorted(words.fields)}"
            )
        if words.tier and words.tier not in tiers:
            raise ValueError(f"reasons.toml [{key}]: tier must be one of {', '.join(tiers)}")
        reasons[key] = words
    return reasons
