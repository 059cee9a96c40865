"""Benchmark: the cost of one new entry as a log grows (6, 60, 730, 1,460 entries),
beside reading and assessing the whole log, which each write did before issue 11.

Run on its own (bench_report.py prints the same after rendering reports, whose
left-over memory makes a process's later timings noisy):
    .venv/bin/python bench/bench_write.py [--db sqlite|postgres]
CPU time of this process, the median of 7 writes after one that works out the basis.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_report as b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        if args.db == "postgres" and not b.postgres_ready():
            return
        b.setup_django(args.db, data_dir)
        import radiculog
        from radiculog.web.symptomlog.writing import add_entry

        print(f"== {args.db}")
        start = datetime(2026, 1, 1, 8, tzinfo=UTC)
        for size in b.SIZES:
            log = b.make_log(f"w{size}", size)
            add_entry(log, b.findings(size), at=start + timedelta(hours=12 * size))
            laps = []
            for k in range(1, 8):
                t0 = time.process_time()
                add_entry(log, b.findings(size + k), at=start + timedelta(hours=12 * (size + k)))
                laps.append(time.process_time() - t0)
            t0 = time.process_time()
            radiculog.trend(log.to_doc())
            whole = time.process_time() - t0
            log.refresh_from_db()
            print(
                f"new entry, {size:4d} entries: {sorted(laps)[3] * 1000:5.1f} ms CPU "
                f"(trend basis of {len(log.trend_basis or [])} entries); reading and assessing "
                f"the whole log, as each write did before: {whole * 1000:6.1f} ms",
                flush=True,
            )
        if args.db == "postgres":
            from django.db import connections

            connections.close_all()
            b.drop_postgres()


if __name__ == "__main__":
    main()
