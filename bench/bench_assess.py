"""Benchmark: assessments per second on a realistic mix, and a year-long log trend.

Targets (issue 2): >= 20,000 assessments/s on one core; trend over 730 entries < 20 ms.
Times are CPU time of this process (time.process_time), so other load on the machine
does not distort them. Run:  .venv/bin/python bench/bench_assess.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import radiculog
from radiculog.contract.parse import parse_findings, parse_log
from radiculog.engine.assessment import assess_findings
from radiculog.engine.trend import assess_log

EXAMPLES = Path(__file__).resolve().parents[1] / "tests" / "contract" / "copy" / "examples"


def mix() -> list[dict[str, Any]]:
    docs = [json.loads(p.read_text())["findings"] for p in sorted(EXAMPLES.glob("*.json"))]
    rng = random.Random(7)
    regions = ["calf", "lateral_leg", "dorsum_foot", "posterior_thigh", "medial_shin", "sole"]
    for _ in range(40):  # vary the examples a little, as real people do
        doc = json.loads(json.dumps(rng.choice(docs)))
        doc.setdefault("pain", []).append({"region": rng.choice(regions), "side": "left"})
        docs.append(doc)
    return docs


def timed(fn: Any, items: list[Any], seconds: float, fresh: Any = None) -> list[float]:
    """CPU time of each call of fn over items, round and round for `seconds` of calls.

    With `fresh`, each call gets fresh(item), made outside the timing: the engine caches
    a few derived values on a Findings object, and a real stream never repeats one.
    """
    laps: list[float] = []
    i = 0
    while sum(laps) < seconds:
        for _ in range(1000):
            item = items[i % len(items)]
            if fresh is not None:
                item = fresh(item)
            t0 = time.process_time()
            fn(item)
            laps.append(time.process_time() - t0)
            i += 1
    return laps


def report(name: str, laps: list[float]) -> None:
    laps_ms = sorted(x * 1000 for x in laps)
    p = lambda q: laps_ms[min(len(laps_ms) - 1, int(q * len(laps_ms)))]  # noqa: E731
    print(
        f"{name:<40} {len(laps) / sum(laps):>10,.0f}/s  p50 {p(0.5):.3f} ms  p99 {p(0.99):.3f} ms"
    )


def year_log() -> dict[str, Any]:
    """730 twice-daily entries: the L5 example with toe lifts drifting a little."""
    base = json.loads((EXAMPLES / "01-l5-classic-no-weakness.json").read_text())["findings"]
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    entries = []
    for i in range(730):
        doc = json.loads(json.dumps(base))
        doc["function"][0]["right"] = 10 - (i % 3)
        at = start + timedelta(hours=12 * i)
        entries.append({"at": at.isoformat(), "findings": doc})
    return {"schema": "radiculog/log@1", "entries": entries}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    docs = mix()
    print(f"radiculog {radiculog.__version__}; {len(docs)} findings documents in the mix")
    report(
        "assess (engine, parsed findings)",
        timed(assess_findings, docs, args.seconds, fresh=parse_findings),
    )
    report("assess (parse + engine)", timed(radiculog.assess, docs, args.seconds))
    report(
        "assess + to_dict (what the API does)",
        timed(lambda d: radiculog.assess(d).to_dict(), docs, args.seconds),
    )
    log = year_log()
    laps = timed(assess_log, [log], args.seconds, fresh=parse_log)
    report("trend over 730 entries (parsed)", laps)
    print(f"  -> trend p50 {statistics.median(laps) * 1000:.2f} ms (target < 20 ms)")
    report("trend over 730 entries (parse + engine)", timed(radiculog.trend, [log], args.seconds))


if __name__ == "__main__":
    main()
