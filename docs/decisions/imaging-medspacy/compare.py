"""Compare the hand-written imaging reader with the medspaCy variant on the blind public corpus.

Run from the repository root, in a throwaway venv that has medspacy (not in the lock):
    python3.11 -m venv /tmp/medspacy-venv && /tmp/medspacy-venv/bin/pip install medspacy
    PYTHONPATH=src:. /tmp/medspacy-venv/bin/python docs/decisions/imaging-medspacy/compare.py
Prints, for each reader and each set: per-field precision/recall (bench/bench_imaging.py's
scoring), cauda equina recall and false alarms, and reports/s (CPU time).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[3] / "bench"))

import variant  # noqa: E402
from bench_imaging import CORPUS, FIELDS, _folder, score, speed  # noqa: E402
from radiculog.imaging import read_report  # noqa: E402

READERS = {
    "hand-written": lambda text: read_report(text).to_dict(),
    "medspaCy": lambda text: variant.read_report(text).to_dict(),
}


def row(name: str, result: dict[str, Any]) -> str:
    cells = [f"{p:.0%}/{r:.0%}" for p, r in (result["fields"][f] for f in FIELDS)]
    c = result["ces"]
    return f"| {name} | " + " | ".join(cells) + f" | {c['flagged']}/{c['carried']} | {c['false_alarms']} |"


def main() -> int:
    sets = {"public (development)": _folder(CORPUS / "public"),
            "public-blind": _folder(CORPUS / "public-blind")}  # fmt: skip
    for set_name, cases in sets.items():
        print(f"\n{set_name}: {len(cases)} reports (precision/recall per field)")
        print("| reader | " + " | ".join(FIELDS) + " | cauda equina recall | false alarms |")
        print("|---" * (len(FIELDS) + 3) + "|")
        for name, read in READERS.items():
            print(row(name, score(cases, read)))
    texts = [c[1] for cases in sets.values() for c in cases]
    print("\nspeed (CPU time, all public reports):")
    for name, read in READERS.items():
        variant._negated_scopes.cache_clear()
        per_s, _ = speed(texts, 3.0, read)
        print(f"  {name}: {per_s:,.0f} reports/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
