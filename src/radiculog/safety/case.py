"""docs/clinical-safety/safety-case.md: the safety case report, generated per release.

Sections follow DCB0129's clinical safety case report: status and scope, intended
use and population, the risk management method, the hazards with their controls
and the tests that verify them, residual risk, the validation figures, known
limitations and the third-party software (from requirements/lock.txt).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import radiculog
from radiculog.engine.knowledge import load_knowledge
from radiculog.safety.hazards import HazardLog
from radiculog.validation.score import Summary

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\;]+)", re.M)
HEAD = (
    "# Clinical safety case report\n\n"
    "<!-- Written by `python -m radiculog.safety` from safety-case.toml, hazards.toml, the\n"
    "validation vignettes and requirements/lock.txt. Do not edit: a test fails when it is\n"
    "out of date. -->\n"
)


def pins(text: str) -> dict[str, str]:
    return dict(PIN.findall(text))


def _software(root: Path) -> Iterator[str]:
    locked = pins((root / "requirements/lock.txt").read_text("utf-8"))
    runtime = pins((root / "requirements/production.txt").read_text("utf-8"))
    yield "| package | version | used by |"
    yield "|---|---|---|"
    for name in sorted(locked, key=str.lower):
        yield f"| {name} | {locked[name]} | {'server' if name in runtime else 'tests and tools'} |"
    lforms = (root / "tests/browser/assets/lforms/VERSION").read_text("utf-8").split()[1]
    yield f"| lforms (LHC-Forms, vendored test asset) | {lforms} | browser test only |"


def _hazards(log: HazardLog) -> Iterator[str]:
    yield "| id | hazard | initial | residual | controls | tests cited |"
    yield "|---|---|---|---|---|---|"
    for h in log.hazards:
        tests = sum(len(c.tests) for c in h.controls)
        yield (
            f"| {h.id} | {h.summary_title or h.title} | {h.initial()} | {h.residual()} "
            f"| {len(h.controls)} | {tests} |"
        )


def _controls(log: HazardLog) -> Iterator[str]:
    for h in log.hazards:
        yield f"### {h.id}. {h.title}\n"
        for c in h.controls:
            tests = ", ".join(f"`{t}`" for t in c.tests) or "**no test cited**"
            yield f"- {c.control}\n  - verified by: {tests}"
        if not h.controls:
            yield "- no control table: see the hazard log"
        yield ""


def _validation(summary: Summary) -> str:
    def pct(part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "n/a"

    rows = [
        ("Exact tier", pct(summary.exact, summary.n)),
        ("Under-triage", pct(summary.under, summary.n)),
        ("Over-triage", pct(summary.over, summary.n)),
        ("Correct on Semigran 2015's 3 levels", pct(summary.semigran_correct, summary.n)),
        (
            "Leaning right (of vignettes with a gold root)",
            pct(summary.leaning_right, summary.with_root),
        ),
    ]
    table = "\n".join(["| figure | Radiculog |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)])
    return (
        f"On {summary.n} vignettes written from published cases "
        "([validation.md](../validation.md), which sets them beside Semigran 2015, "
        "Schmieding 2022 and Iversen 2013):\n\n" + table + "\n"
    )


def _list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items) + "\n"


def render_case(root: Path, log: HazardLog, summary: Summary) -> str:
    parts = tomllib.loads((root / "docs/clinical-safety/safety-case.toml").read_text("utf-8"))
    controls = sum(len(h.controls) for h in log.hazards)
    tests = len({t for h in log.hazards for c in h.controls for t in c.tests})
    high = [f"{h.id} ({h.residual()})" for h in log.hazards if h.residual() >= 3]
    disagreements = [d for h in log.hazards for d in h.matrix_disagreements()]
    out = [
        HEAD,
        "## 1. Status\n",
        parts["status"].strip() + "\n",
        f"Release: engine {radiculog.__version__}, knowledge {load_knowledge().version}.\n",
        "## 2. Intended use\n",
        parts["intended_use"].strip() + "\n",
        "## 3. Intended population\n",
        parts["population"].strip() + "\n",
        "Not intended for:\n",
        _list(parts["not_for"]),
        "## 4. How clinical risk is managed\n",
        "The hazard log is data ([hazards.toml](hazards.toml)), written out as "
        "[hazard-log.md](hazard-log.md). Each hazard has a cause, an effect, an initial risk "
        "(no controls) and a residual risk (controls working as their tests show) on the DCB0129 "
        "5 × 5 matrix. Each control names the tests that verify it; CI runs every one of them, "
        "and fails when a control names a test that does not exist "
        "(`tests/safety/test_safety_case.py`, `tests/test_hazard_log_citations.py`).\n",
        f"{len(log.hazards)} hazards, {controls} controls, {tests} distinct tests cited.\n",
        "## 5. Hazards\n",
        "\n".join(_hazards(log)) + "\n",
        "## 6. Controls and the tests that verify them\n",
        "\n".join(_controls(log)),
        "## 7. Residual risk\n",
        "Hazards whose residual risk stays at 3 or more: " + ", ".join(high) + ". "
        "Accepting these is a decision for the deploying organisation's clinical safety officer; "
        "the project's reasons are in each hazard's residual-risk note.\n",
        "Open items for the clinical safety officer "
        "(a stated risk that the matrix does not give):\n",
        _list(disagreements) if disagreements else "- none\n",
        "## 8. Validation\n",
        _validation(summary),
        "## 9. Known limitations\n",
        _list(parts["limitations"]),
        "## 10. Third-party software\n",
        "From `requirements/lock.txt` (hash-pinned); *server* means also in "
        "`requirements/production.txt`.\n",
        "\n".join(_software(root)) + "\n",
    ]
    return "\n".join(out)
