"""Load the hand-written corpus and compare the reader's output with it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"
FIELDS = ("level", "finding", "position", "side", "roots", "root_contact")


def sentences() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((CORPUS / "sentences.json").read_text("utf-8"))
    return data


def reports() -> list[tuple[str, str, dict[str, Any]]]:
    """(name, report text, expected document) for every whole report."""
    out = []
    for txt in sorted((CORPUS / "reports").glob("*.txt")):
        expected = json.loads(txt.with_suffix(".json").read_text("utf-8"))
        out.append((txt.stem, txt.read_text("utf-8"), expected))
    return out


def public_reports(folder: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, report text, keyed document with its source) for public/ or public-blind/."""
    out = []
    for txt in sorted((CORPUS / folder).glob("*.txt")):
        expected = json.loads(txt.with_suffix(".json").read_text("utf-8"))
        out.append((txt.stem, txt.read_text("utf-8"), expected))
    return out


def entries(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The contract fields of each level entry, roots sorted, in a stable order."""
    rows = [{k: (sorted(e[k]) if k == "roots" else e[k]) for k in FIELDS} for e in doc["levels"]]
    return sorted(rows, key=lambda r: (r["level"], r["finding"]))
