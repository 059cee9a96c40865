"""hazard-log.md written from the hazard log's data (parse_log.py reads it back)."""

from __future__ import annotations

import re

from radiculog.safety.hazards import Hazard, HazardLog

WIDTH = 90
_TOKEN = re.compile(r"(?:`[^`]*`|[^\s`])+")
GENERATED = (
    "<!-- Written by `python -m radiculog.safety` from hazards.toml. To add or change a\n"
    "hazard, edit hazards.toml (or this file, then run `python -m radiculog.safety convert`\n"
    "before `python -m radiculog.safety`); a test fails when the two disagree. -->"
)


def wrap(text: str, first: str, rest: str) -> list[str]:
    """Lines of at most WIDTH characters; a code span is never split."""
    lines, line = [], first
    for token in _TOKEN.findall(text):
        candidate = f"{line} {token}" if line.strip() else line + token
        if len(candidate) > WIDTH and line.strip():
            lines.append(line)
            line = rest + token
        else:
            line = candidate
    lines.append(line)
    return lines


def _risk_words(severity: str, likelihood: str, value: int) -> str:
    return f"{severity} × {likelihood} = {value}"


def _section(hazard: Hazard) -> list[str]:
    out = [f"## {hazard.id}. {hazard.title}", ""]
    if len(hazard.causes) == 1:
        out += wrap(hazard.causes[0], "- **Cause:**", "  ")
    elif hazard.causes:
        out.append("- **Cause:**")
        for cause in hazard.causes:
            out += wrap(cause, "  -", "    ")
    if hazard.effect:
        out += wrap(hazard.effect, "- **Effect:**", "  ")
    initial = _risk_words(hazard.initial_severity, hazard.initial_likelihood, hazard.initial())
    out += wrap(initial + (hazard.initial_note or "."), "- **Initial risk:**", "  ")
    if hazard.controls:
        out += ["", "| control | verified by |", "|---|---|"]
        out += [f"| {c.control} | {c.verified_by} |" for c in hazard.controls]
    for block in hazard.notes:
        out += ["", block]
    residual = _risk_words(hazard.residual_severity, hazard.residual_likelihood, hazard.residual())
    out += ["", *wrap(residual + (hazard.residual_note or "."), "- **Residual risk:**", "  ")]
    for block in hazard.notes_after:
        out += [block]
    return out


def summary_table(log: HazardLog) -> list[str]:
    rows = ["| id | hazard | initial | residual |", "|---|---|---|---|"]
    for h in log.hazards:
        initial = f"{h.initial_severity} × {h.initial_likelihood} = **{h.initial()}**"
        residual = f"{h.residual_severity} × {h.residual_likelihood} = **{h.residual()}**"
        note = f" {h.summary_note}" if h.summary_note else ""
        rows.append(f"| {h.id} | {h.summary_title or h.title} | {initial} | {residual}{note} |")
    return rows


def render(log: HazardLog) -> str:
    out = [log.intro, "", GENERATED, "", "## Summary", "", *summary_table(log), ""]
    out += [log.summary_note, "", "---", ""]
    for hazard in log.hazards:
        out += [*_section(hazard), ""]
    if log.addenda:
        out += ["---", "", log.addenda]
    return "\n".join(out).rstrip() + "\n"
