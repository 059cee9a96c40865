"""Benchmark the imaging reader: per-field precision and recall, and reports per second.

Scores three sets from tests/imaging/corpus: the sentences and the whole reports the reader
was written against (tuning), and held-out reports written afterwards (heldout/). A field is
scored as labelled items: `level` = (case, level); `finding` = (case, level, finding); the
other fields = (case, level, finding, value), one item per root for `roots`. Precision =
right items / items the reader gave; recall = right items / items the corpus expects.

Speed is CPU time (time.process_time) over every whole report, repeated for --seconds.
Run:  .venv/bin/python bench/bench_imaging.py [--seconds 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from radiculog.imaging import read_report

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "imaging" / "corpus"
FIELDS = ("level", "finding", "position", "side", "roots", "root_contact")
Case = tuple[str, str, list[dict[str, Any]], bool | None]  # id, text, levels, cauda equina


def load() -> dict[str, list[Case]]:
    sentences = json.loads((CORPUS / "sentences.json").read_text("utf-8"))
    sets: dict[str, list[Case]] = {
        "sentences": [(c["id"], c["text"], c["expect"], c["cauda_equina_risk"]) for c in sentences]
    }
    for name, folder in (("reports", CORPUS / "reports"), ("held-out", CORPUS / "heldout")):
        cases = []
        for txt in sorted(folder.glob("*.txt")):
            doc = json.loads(txt.with_suffix(".json").read_text("utf-8"))
            cases.append(
                (txt.stem, txt.read_text("utf-8"), doc["levels"], doc["cauda_equina_risk"])
            )
        sets[name] = cases
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


def score(cases: list[Case]) -> tuple[dict[str, tuple[float, float]], list[str], float]:
    gold: dict[str, set[tuple[str, ...]]] = {f: set() for f in FIELDS}
    got: dict[str, set[tuple[str, ...]]] = {f: set() for f in FIELDS}
    misses: list[str] = []
    ces_right = 0
    for cid, text, expected, ces in cases:
        doc = read_report(text).to_dict()
        ces_right += doc["cauda_equina_risk"] is ces
        for f in FIELDS:
            gold[f] |= items(cid, expected, f)
            got[f] |= items(cid, doc["levels"], f)
        wrong = items(cid, doc["levels"], "root_contact") ^ items(cid, expected, "root_contact")
        wrong |= items(cid, doc["levels"], "position") ^ items(cid, expected, "position")
        wrong |= items(cid, doc["levels"], "side") ^ items(cid, expected, "side")
        wrong |= items(cid, doc["levels"], "roots") ^ items(cid, expected, "roots")
        misses += sorted(" ".join(w) for w in wrong)
    result = {}
    for f in FIELDS:
        right = len(gold[f] & got[f])
        result[f] = (
            right / len(got[f]) if got[f] else 1.0,
            right / len(gold[f]) if gold[f] else 1.0,
        )
    return result, misses, ces_right / len(cases)


def speed(texts: list[str], seconds: float) -> tuple[float, float]:
    chars = sum(len(t) for t in texts)
    n = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for t in texts:
            read_report(t)
        n += len(texts)
    elapsed = time.process_time() - start
    return n / elapsed, chars * (n / len(texts)) / elapsed


ADVERSARIAL = {  # about 50,000 characters each: the API's and the page's upper limit
    "one noun repeated": "narrowing " * 5000,
    "a list of levels": ", ".join(["L4-5"] * 8000) + ": normal",
    "one long clause": "L4-5 left protrusion compressing the L5 root and " * 1000,
    "many sentences": "L4-5: Left paracentral protrusion. " * 1400,
}


def worst_case() -> None:
    for name, text in ADVERSARIAL.items():
        start = time.process_time()
        read_report(text[:50_000])
        print(f"  {name:<20} {time.process_time() - start:6.3f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--show-misses", action="store_true", help="list every wrong item")
    args = parser.parse_args()
    sets = load()
    for name, cases in sets.items():
        result, misses, ces = score(cases)
        print(f"\n{name}: {len(cases)} cases, "
              f"{sum(len(c[2]) for c in cases)} expected (level, finding) entries")  # fmt: skip
        print(f"  {'field':<13} precision  recall")
        for f, (p, r) in result.items():
            print(f"  {f:<13} {p:9.1%} {r:7.1%}")
        print(f"  cauda equina flag right in {ces:.0%} of cases")
        if args.show_misses and misses:
            print("  wrong items (expected ^ read):", *misses, sep="\n    ")
    texts = [c[1] for c in sets["reports"] + sets["held-out"]]
    per_s, chars_s = speed(texts, args.seconds)
    print(f"\nspeed: {per_s:,.0f} reports/s ({chars_s / 1000:,.0f} k characters/s), "
          f"{len(texts)} whole reports, CPU time")  # fmt: skip
    print("worst cases, 50,000 characters:")
    worst_case()
    return 0


if __name__ == "__main__":
    sys.exit(main())
