"""Benchmark the imaging reader: per-field precision and recall, cauda equina recall, reports/s.

Scores the sets in tests/imaging/corpus: the sentences and whole reports the reader was written
against (tuning), held-out reports written afterwards (heldout/), public reports used in
development (public/) and, only with --blind, the public reports kept out of development
(public-blind/): scored last, never tuned on. A field is scored as labelled items:
`level` = (case, level); `finding` = (case, level, finding); the other fields = (case, level,
finding, value), one item per root for `roots`. Precision = right items / items the reader
gave; recall = right items / items the corpus expects. Cauda equina recall = flagged / cases
whose key says the report carries the warning; false alarms = flagged cases whose key does not.

Speed is CPU time (time.process_time) over every whole report, repeated for --seconds.
Run:  .venv/bin/python bench/bench_imaging.py [--seconds 2] [--blind] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from radiculog.imaging import read_report

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "imaging" / "corpus"
FIELDS = ("level", "finding", "position", "side", "roots", "root_contact")
Case = tuple[str, str, list[dict[str, Any]], bool | None]  # id, text, levels, cauda equina
Reader = Callable[[str], dict[str, Any]]


def _folder(folder: Path) -> list[Case]:
    cases = []
    for txt in sorted(folder.glob("*.txt")):
        doc = json.loads(txt.with_suffix(".json").read_text("utf-8"))
        cases.append((txt.stem, txt.read_text("utf-8"), doc["levels"], doc["cauda_equina_risk"]))
    return cases


def load(blind: bool = False) -> dict[str, list[Case]]:
    sentences = json.loads((CORPUS / "sentences.json").read_text("utf-8"))
    sets: dict[str, list[Case]] = {
        "sentences": [(c["id"], c["text"], c["expect"], c["cauda_equina_risk"]) for c in sentences]
    }
    sets["reports"] = _folder(CORPUS / "reports")
    sets["held-out"] = _folder(CORPUS / "heldout")
    sets["public"] = _folder(CORPUS / "public")
    if blind:
        sets["public blind"] = _folder(CORPUS / "public-blind")
    return sets


def items(case: str, levels: list[dict[str, Any]], field: str) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for e in levels:
        if field == "level":
            out.add((case, e["level"]))
        elif field == "finding":
            out.add((case, e["level"], e["finding"]))
        elif field == "roots":
            out |= {(case, e["level"], e["finding"], r) for r in e["roots"]}
            if not e["roots"]:
                out.add((case, e["level"], e["finding"], "-"))
        else:
            out.add((case, e["level"], e["finding"], e[field]))
    return out


def score(cases: list[Case], read: Reader) -> dict[str, Any]:
    """Per-field (precision, recall), the cauda equina counts and the wrong items."""
    gold: dict[str, set[tuple[str, ...]]] = {f: set() for f in FIELDS}
    got: dict[str, set[tuple[str, ...]]] = {f: set() for f in FIELDS}
    misses: list[str] = []
    ces = {"carried": 0, "flagged": 0, "false_alarms": 0, "right": 0}
    for cid, text, expected, expect_ces in cases:
        doc = read(text)
        flag = bool(doc["cauda_equina_risk"])
        ces["right"] += flag is expect_ces
        ces["carried"] += bool(expect_ces)
        ces["flagged"] += flag and bool(expect_ces)
        ces["false_alarms"] += flag and not expect_ces
        if flag is not expect_ces:
            misses.append(f"{cid} cauda_equina_risk={flag}")
        for f in FIELDS:
            gold[f] |= items(cid, expected, f)
            got[f] |= items(cid, doc["levels"], f)
        for f in ("finding", "position", "side", "roots", "root_contact"):
            wrong = items(cid, doc["levels"], f) ^ items(cid, expected, f)
            misses += sorted(f"{f}: " + " ".join(w) for w in wrong)
    fields = {}
    for f in FIELDS:
        right = len(gold[f] & got[f])
        fields[f] = (
            right / len(got[f]) if got[f] else 1.0,
            right / len(gold[f]) if gold[f] else 1.0,
        )
    return {"fields": fields, "ces": ces, "misses": list(dict.fromkeys(misses)), "n": len(cases)}


def speed(texts: list[str], seconds: float, read: Reader) -> tuple[float, float]:
    chars = sum(len(t) for t in texts)
    n = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for t in texts:
            read(t)
        n += len(texts)
    elapsed = time.process_time() - start
    return n / elapsed, chars * (n / len(texts)) / elapsed


ADVERSARIAL = {  # about 50,000 characters each: the API's and the page's upper limit
    "one noun repeated": "narrowing " * 5000,
    "a list of levels": ", ".join(["L4-5"] * 8000) + ": normal",
    "one long clause": "L4-5 left protrusion compressing the L5 root and " * 1000,
    "many sentences": "L4-5: Left paracentral protrusion. " * 1400,
    "history then findings": "HISTORY: back pain. " + "Mild bulge at L4-5. " * 2500,
}


def worst_case() -> None:
    for name, text in ADVERSARIAL.items():
        start = time.process_time()
        read_report(text[:50_000])
        print(f"  {name:<22} {time.process_time() - start:6.3f} s")


def report(name: str, cases: list[Case], result: dict[str, Any], show_misses: bool) -> None:
    entries = sum(len(c[2]) for c in cases)
    print(f"\n{name}: {len(cases)} cases, {entries} expected (level, finding) entries")
    print(f"  {'field':<13} precision  recall")
    for f, (p, r) in result["fields"].items():
        print(f"  {f:<13} {p:9.1%} {r:7.1%}")
    c = result["ces"]
    recall = f"{c['flagged']}/{c['carried']}" if c["carried"] else "n/a (none carried)"
    print(f"  cauda equina: recall {recall}, false alarms {c['false_alarms']}, "
          f"flag right in {c['right'] / len(cases):.0%} of cases")  # fmt: skip
    if show_misses and result["misses"]:
        print("  wrong items (expected ^ read):", *result["misses"], sep="\n    ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--blind", action="store_true", help="also score public-blind/ (last)")
    parser.add_argument("--show-misses", action="store_true", help="list every wrong item")
    args = parser.parse_args()
    sets = load(blind=args.blind)

    def read(text: str) -> dict[str, Any]:
        return read_report(text).to_dict()

    for name, cases in sets.items():
        report(name, cases, score(cases, read), args.show_misses)
    texts = [c[1] for name, cs in sets.items() if name != "sentences" for c in cs]
    per_s, chars_s = speed(texts, args.seconds, read)
    print(f"\nspeed: {per_s:,.0f} reports/s ({chars_s / 1000:,.0f} k characters/s), "
          f"{len(texts)} whole reports, CPU time")  # fmt: skip
    print("worst cases, 50,000 characters:")
    worst_case()
    return 0


if __name__ == "__main__":
    sys.exit(main())
