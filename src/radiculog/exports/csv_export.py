"""A log@1 document as CSV: one row per entry, one column per measure.

Cells a spreadsheet would run as a formula get a leading apostrophe, so an
exported log can be opened safely (OWASP, "CSV Injection"): those starting with
= + - @ tab or carriage return, also after leading spaces or line breaks, and their
full-width forms (＝ ＋ － ＠), which some spreadsheets read as the same. Opened
with another separator (";" in many locales) "a;=cmd" splits into a cell "=cmd", so a
formula sign after a separator gets an apostrophe too: "a;'=cmd".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any

from radiculog.summary.labels import SLEEP_LABELS, place
from radiculog.summary.measures import measures_of, strip_measures

FIXED = [
    "at", "pain_0_10", "leg_pain_0_10", "back_pain_0_10", "painkillers", "sleep",
    "walk_minutes", "pain_areas", "changed_feeling",
]  # fmt: skip
TAIL = ["triggers", "easers", "notes"]


FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
LEADING_SPACE = " \t\r\n\u00a0\u3000"
AFTER_SEPARATOR = re.compile(r"([;,|\t\r\n][ \u00a0\u3000]*)([=+\-@\uff1d\uff0b\uff0d\uff20])")


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    lead = text[:1] in FORMULA_STARTS or text.lstrip(LEADING_SPACE)[:1] in FORMULA_STARTS
    return ("'" if lead else "") + AFTER_SEPARATOR.sub(r"\1'\2", text)


def _spots(spots: list[Mapping[str, Any]]) -> str:
    names = []
    for spot in spots:
        name = place(spot["region"], spot.get("side"))
        names.append(f"{name} {spot['kind']}" if spot.get("kind") else name)
    return "; ".join(names)


def function_columns(log: Mapping[str, Any]) -> list[str]:
    tests: list[str] = []
    for entry in log.get("entries", []):
        for item in entry["findings"].get("function", []):
            if item["test"] not in tests:
                tests.append(item["test"])
    return [f"{test}_{side}" for test in tests for side in ("left", "right")]


def _row(entry: Mapping[str, Any], columns: list[str]) -> dict[str, object]:
    findings = entry["findings"]
    measures = measures_of(findings)
    row: dict[str, object] = {
        "at": entry["at"],
        "pain_0_10": measures.pain,
        "leg_pain_0_10": measures.leg_pain,
        "back_pain_0_10": measures.back_pain,
        "painkillers": measures.painkillers,
        "sleep": SLEEP_LABELS.get(measures.sleep or "", ""),
        "walk_minutes": measures.walk_minutes,
        "pain_areas": _spots(findings.get("pain", [])),
        "changed_feeling": _spots(findings.get("sensory", [])),
        "triggers": entry.get("triggers", ""),
        "easers": entry.get("easers", ""),
        "notes": strip_measures(str(findings.get("notes", ""))),
    }
    for item in findings.get("function", []):
        for side in ("left", "right"):
            row[f"{item['test']}_{side}"] = item.get(side)
    return {column: _safe(row.get(column)) for column in columns}


def log_to_csv(log: Mapping[str, Any]) -> str:
    return "".join(csv_lines(log))


def csv_lines(log: Mapping[str, Any]) -> Iterator[str]:
    """The CSV a line at a time (header first), for streaming a long log."""
    columns = FIXED + function_columns(log) + TAIL
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for entry in [None, *log.get("entries", [])]:
        if entry is not None:
            writer.writerow(_row(entry, columns))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
