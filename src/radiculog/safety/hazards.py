"""The hazard log's data: hazards, their controls and the tests that verify them."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEVERITIES = ("Minor", "Significant", "Considerable", "Major", "Catastrophic")
LIKELIHOODS = ("Very low", "Low", "Medium", "High", "Very high")
# The DCB0129 5 x 5 matrix as hazard-log.md states it: MATRIX[likelihood][severity].
MATRIX = {
    "Very high": (3, 4, 4, 5, 5),
    "High": (2, 3, 3, 4, 5),
    "Medium": (2, 2, 3, 3, 4),
    "Low": (1, 2, 2, 3, 4),
    "Very low": (1, 1, 2, 2, 3),
}
SPAN = re.compile(r"`([^`\n]+)`")
CITED = re.compile(r"^(?P<file>tests/[\w/.-]+\.py)?(?:::(?P<name>[\w:]+)(?:\[[^\]]*\])?)?$")


def risk(severity: str, likelihood: str) -> int:
    if severity not in SEVERITIES or likelihood not in LIKELIHOODS:
        raise ValueError(f"unknown severity or likelihood: {severity} x {likelihood}")
    return MATRIX[likelihood][SEVERITIES.index(severity)]


def cited_tests(text: str, last_file: str | None = None) -> list[str]:
    """The tests a control's "verified by" cites, as `file` or `file::name`."""
    found = []
    for span in SPAN.findall(text):
        match = CITED.match(span.strip())
        if not match or not (match["file"] or match["name"]):
            continue
        file = match["file"] or last_file
        if file is None:
            raise ValueError(f"`{span}` names a test before any file")
        last_file = file
        found.append(f"{file}::{match['name']}" if match["name"] else file)
    return found


@dataclass
class Control:
    control: str
    verified_by: str
    tests: list[str] = field(default_factory=list)


@dataclass
class Hazard:
    id: str
    title: str
    summary_title: str = ""  # the summary table's (often fuller) name
    summary_note: str = ""  # after the residual risk in the summary table
    causes: list[str] = field(default_factory=list)
    effect: str = ""
    initial_severity: str = ""
    initial_likelihood: str = ""
    initial_risk: int = 0  # as stated (checked against the matrix, see below)
    initial_note: str = ""
    residual_severity: str = ""
    residual_likelihood: str = ""
    residual_risk: int = 0
    residual_note: str = ""
    controls: list[Control] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notes_after: list[str] = field(default_factory=list)  # after the residual risk

    def initial(self) -> int:
        return self.initial_risk

    def residual(self) -> int:
        return self.residual_risk

    def matrix_disagreements(self) -> list[str]:
        """Stated risks that the matrix does not give, in words."""
        out = []
        for which in ("initial", "residual"):
            severity = getattr(self, f"{which}_severity")
            likelihood = getattr(self, f"{which}_likelihood")
            stated, matrix = getattr(self, f"{which}_risk"), risk(severity, likelihood)
            if stated != matrix:
                out.append(
                    f"{self.id} {which}: {severity} × {likelihood} is stated as {stated}; "
                    f"the matrix gives {matrix}"
                )
        return out


@dataclass
class HazardLog:
    intro: str
    summary_note: str
    addenda: str
    hazards: list[Hazard]


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def dumps(log: HazardLog) -> str:
    """TOML (strings as JSON strings, which TOML reads the same)."""
    out = [
        "# The hazard log as data (issue 25). Written by `python -m radiculog.safety convert`",
        "# or by hand; `python -m radiculog.safety` writes hazard-log.md and safety-case.md.",
        f"intro = {_value(log.intro)}",
        f"summary_note = {_value(log.summary_note)}",
        f"addenda = {_value(log.addenda)}",
    ]
    for hazard in log.hazards:
        out += ["", "[[hazards]]"]
        for key, value in vars(hazard).items():
            if key != "controls":
                out.append(f"{key} = {_value(value)}")
        for control in hazard.controls:
            out += [
                "[[hazards.controls]]",
                *(f"{k} = {_value(v)}" for k, v in vars(control).items()),
            ]
    return "\n".join(out) + "\n"


def loads(text: str) -> HazardLog:
    data = tomllib.loads(text)
    hazards = []
    for raw in data["hazards"]:
        controls = [Control(**c) for c in raw.pop("controls", [])]
        hazards.append(Hazard(**raw, controls=controls))
    return HazardLog(data["intro"], data["summary_note"], data["addenda"], hazards)


def load(path: Path) -> HazardLog:
    return loads(path.read_text("utf-8"))
