"""Benchmark: what a log costs as it grows (6, 60, 730 and 1,460 entries), on SQLite
and on PostgreSQL: the appointment report (time, PDF pages), one new entry (time,
queries, and the whole-log re-read it replaced), the log page (bytes, time, queries),
the FHIR export (time to first byte, total, bytes, peak memory; and the same built
in one piece as before), and entries per second the log API accepts.

Targets: the report for 60 entries in under 1 s on one core (issue 4); a write's
cost, the log page and the report's length independent of the log's length, big
exports streamed (issue 11).
Times are CPU time of this process (time.process_time) for the report, so other
load on the shared machine does not distort them; API throughput is wall-clock
(the database's own work happens outside this process on PostgreSQL).

Run:  .venv/bin/python bench/bench_report.py                 (SQLite, then PostgreSQL if reachable)
      .venv/bin/python bench/bench_report.py --db sqlite --posts 300
Each run uses a throw-away database: a temporary SQLite file, or a PostgreSQL
database `radiculog_bench` created and dropped on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "contract" / "copy" / "examples" / "01-l5-classic-no-weakness.json"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgres://postgres@127.0.0.1:5432/radiculog_bench"
SIZES = (6, 60, 730, 1460)


def findings(n: int) -> dict[str, Any]:
    doc = copy.deepcopy(json.loads(EXAMPLE.read_text())["findings"])
    doc["function"] = [{"test": "toe_lift", "left": 10, "right": max(2, 10 - n // 40)}]
    if n % 3 == 0:
        doc["sensory"] = [{"region": "dorsum_foot", "side": "right", "kind": "tingling"}]
    return doc


def setup_django(db: str, data_dir: str) -> None:
    os.environ["RADICULOG_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "radiculog.web.settings"
    os.environ["RADICULOG_ALLOWED_HOSTS"] = "testserver"  # the in-process test client
    if db == "postgres":
        os.environ["DATABASE_URL"] = PG_BENCH
    else:
        os.environ.pop("DATABASE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    # Pages name their static files through the production manifest: write it, as a server does.
    call_command("collectstatic", verbosity=0, interactive=False)


def make_log(username: str, count: int) -> Any:
    """A log of `count` twice-daily entries, written in bulk (setup is not timed)."""
    from django.contrib.auth.models import User

    from radiculog.web.symptomlog.models import Entry, Log

    user = User.objects.create_user(username, password=None)
    log = Log.objects.create(owner=user)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    entries = []
    for n in range(count):
        entry = Entry(log=log, at=start + timedelta(hours=12 * n), pain=n % 11, sleep="woken")
        entry.set_findings(findings(n))
        entry.pain, entry.triggers, entry.easers = n % 11, "sitting 20 minutes", "walking"
        # a log whose strength wobbles: the entry's own tier changes every other entry
        entry.tier = "urgent" if n % 4 in (1, 2) else "watchful"
        entries.append(entry)
    Entry.objects.bulk_create(entries)
    return log


def time_report(log: Any, repeats: int) -> dict[str, float]:
    from django.template.loader import render_to_string

    from radiculog.web.reports.content import build_report
    from radiculog.web.reports.pdf import render_pdf

    laps: dict[str, list[float]] = {"context": [], "html": [], "pdf": []}
    for _ in range(repeats):
        t0 = time.process_time()
        context = build_report(log)
        t1 = time.process_time()
        render_to_string("reports/report_pdf.html", {**context, "css": ""})
        t2 = time.process_time()
        render_pdf(context)
        t3 = time.process_time()
        laps["context"].append(t1 - t0)
        laps["html"].append(t2 - t1)
        laps["pdf"].append(t3 - t2)
    return {k: min(v) for k, v in laps.items()}


def pdf_pages(log: Any) -> int:
    import io

    from pypdf import PdfReader

    from radiculog.web.reports.content import build_report
    from radiculog.web.reports.pdf import render_pdf

    return len(PdfReader(io.BytesIO(render_pdf(build_report(log)))).pages)


def time_write(log: Any, size: int, repeats: int = 5) -> dict[str, float]:
    """One new entry into a log of this size: ms and queries now; ms of the whole-log
    re-read and re-parse each write did before (issue 11: 3.6 ms at 6, 39 ms at 730)."""
    from django.db import connection

    import radiculog
    from radiculog.web.symptomlog.writing import add_entry

    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    add_entry(log, findings(size), at=start + timedelta(hours=12 * size))  # works out the basis
    laps = []
    for k in range(1, repeats + 1):
        at = start + timedelta(hours=12 * (size + k))
        queries = Queries()
        with connection.execute_wrapper(queries):
            t0 = time.perf_counter()
            add_entry(log, findings(size + k), at=at)
            laps.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    radiculog.trend(log.to_doc())
    whole = time.perf_counter() - t0
    return {
        "ms": sorted(laps)[len(laps) // 2] * 1000,
        "queries": queries.count,
        "before": whole * 1000,
    }


class Queries:
    """Counts the queries run inside it (Django resets its own log at each request)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def _fhir(client: Any) -> tuple[float, float, int]:
    t0 = time.process_time()
    chunks = iter(client.get("/log/export/fhir.json").streaming_content)
    size = len(next(chunks))
    first = time.process_time() - t0
    size += sum(len(chunk) for chunk in chunks)
    return first * 1000, (time.process_time() - t0) * 1000, size


def time_pages(username: str, memory: bool = True) -> dict[str, float]:
    """The log page and the FHIR export, through the whole Django stack."""
    import tracemalloc

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from radiculog.exports.fhir import log_to_bundle

    client = Client()
    client.force_login(User.objects.get(username=username))
    queries = Queries()
    with connection.execute_wrapper(queries):
        t0 = time.process_time()
        page = client.get("/log/")
        page_ms = (time.process_time() - t0) * 1000
    first_ms, fhir_ms, size = _fhir(client)
    doc = User.objects.get(username=username).symptom_log.to_doc()
    t0 = time.process_time()
    whole = json.dumps(log_to_bundle(doc), indent=2)  # the export before: one piece
    whole_ms = (time.process_time() - t0) * 1000
    streamed_peak = whole_peak = 0
    if memory:  # in a second pass: tracing slows allocation many times over
        tracemalloc.start()
        _fhir(client)
        streamed_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        json.dumps(log_to_bundle(doc), indent=2)
        whole_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {
        "page_kb": len(page.content) / 1024,
        "page_ms": page_ms,
        "page_queries": queries.count,
        "fhir_first_ms": first_ms,
        "fhir_ms": fhir_ms,
        "fhir_mb": size / 1e6,
        "fhir_peak_mb": streamed_peak / 1e6,
        "whole_ms": whole_ms,
        "whole_mb": len(whole) / 1e6,
        "whole_peak_mb": whole_peak / 1e6,
    }


def time_api(posts: int) -> float:
    from django.contrib.auth.models import User
    from django.test import Client

    from radiculog.web.symptomlog.models import Log

    user = User.objects.create_user("poster", password=None)
    Log.objects.create(owner=user)
    client = Client()
    client.force_login(user)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    bodies = [
        json.dumps({"at": (start + timedelta(hours=12 * n)).isoformat(), "findings": findings(n)})
        for n in range(posts)
    ]
    t0 = time.perf_counter()
    for body in bodies:
        response = client.post("/api/v1/log/entries", body, content_type="application/json")
        assert response.status_code == 201, response.content
    return posts / (time.perf_counter() - t0)


def time_import(source: Any) -> float:
    """Seconds to import a log@1 file of the source log into a new account."""
    from django.contrib.auth.models import User

    import radiculog
    from radiculog.exports.log_json import read_log
    from radiculog.web.symptomlog.models import Log
    from radiculog.web.symptomlog.writing import import_entries

    raw = json.dumps(source.to_doc())
    log = Log.objects.create(owner=User.objects.create_user("importer", password=None))
    t0 = time.perf_counter()
    import_entries(log, read_log(raw, radiculog.assess))
    return time.perf_counter() - t0


def run(db: str, posts: int, repeats: int, memory: bool) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(db, data_dir)
        print(f"== {db}", flush=True)
        for size in SIZES:
            log = make_log(f"user{size}", size)
            t = time_report(log, repeats)
            ms = {k: round(v * 1000) for k, v in t.items()}
            print(
                f"report, {size:4d} entries: {sum(ms.values()):5d} ms CPU "
                f"(gather {ms['context']}, HTML {ms['html']}, PDF {ms['pdf']}), "
                f"{pdf_pages(log)} PDF pages",
                flush=True,
            )
            w = time_write(log, size)
            print(
                f"new entry, {size:4d} entries: {w['ms']:5.1f} ms CPU, {w['queries']:.0f} queries "
                f"(reading and assessing the whole log, as each write did before: "
                f"{w['before']:.1f} ms)",
                flush=True,
            )
            gc.collect()
            p = time_pages(f"user{size}", memory)
            print(
                f"log page, {size:4d} entries: {p['page_kb']:5.1f} KB, {p['page_ms']:4.0f} ms CPU, "
                f"{p['page_queries']:.0f} queries",
                flush=True,
            )
            print(
                f"FHIR export, {size:4d} entries (CPU): first bytes after "
                f"{p['fhir_first_ms']:.0f} ms, "
                f"all {p['fhir_mb']:.2f} MB in {p['fhir_ms']:.0f} ms, "
                f"peak {p['fhir_peak_mb']:.1f} MB "
                f"(in one piece, as before: {p['whole_mb']:.2f} MB in {p['whole_ms']:.0f} ms, "
                f"peak {p['whole_peak_mb']:.1f} MB)",
                flush=True,
            )

        print(f"import of {size} entries: {time_import(log):.2f} s wall clock", flush=True)
        rate = time_api(posts)
        print(
            f"API: {rate:6.1f} entries/s accepted ({posts} POSTs into one growing log, wall clock)"
        )


def postgres_ready() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute("DROP DATABASE IF EXISTS radiculog_bench")
            conn.execute("CREATE DATABASE radiculog_bench")
        return True
    except Exception as exc:  # any failure means: skip PostgreSQL, say why
        print(f"PostgreSQL not reachable ({exc}); skipped")
        return False


def drop_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS radiculog_bench (FORCE)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the slow memory pass")
    args = parser.parse_args()
    if args.db != "both":
        run(args.db, args.posts, args.repeats, not args.no_memory)
        return
    for db in ("sqlite", "postgres"):  # one process each: settings read the database once
        if db == "postgres" and not postgres_ready():
            continue
        cmd = [
            sys.executable,
            __file__,
            "--db",
            db,
            "--posts",
            str(args.posts),
            "--repeats",
            str(args.repeats),
            *(["--no-memory"] if args.no_memory else []),
        ]
        subprocess.run(cmd, check=True)
        if db == "postgres":
            drop_postgres()


if __name__ == "__main__":
    main()
