"""Benchmark: appointment-report time for 6, 60 and 730 entries, and entries per
second the log API accepts, on SQLite and on PostgreSQL.

Target (issue 4): the report for 60 entries in under 1 s on one core.
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
EXAMPLE = ROOT.parent / "shared" / "contract" / "examples" / "01-l5-classic-no-weakness.json"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgres://postgres@127.0.0.1:5432/radiculog_bench"
SIZES = (6, 60, 730)


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
        entry.tier = "watchful" if n < count - 2 else "urgent"
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
    from radiculog.web.symptomlog.views import import_entries

    raw = json.dumps(source.to_doc())
    log = Log.objects.create(owner=User.objects.create_user("importer", password=None))
    t0 = time.perf_counter()
    import_entries(log, read_log(raw, radiculog.assess))
    return time.perf_counter() - t0


def run(db: str, posts: int, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(db, data_dir)
        print(f"== {db}", flush=True)
        for size in SIZES:
            log = make_log(f"user{size}", size)
            t = time_report(log, repeats)
            ms = {k: round(v * 1000) for k, v in t.items()}
            print(
                f"report, {size:4d} entries: {sum(ms.values()):5d} ms CPU "
                f"(gather {ms['context']}, HTML {ms['html']}, PDF {ms['pdf']})",
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
    args = parser.parse_args()
    if args.db != "both":
        run(args.db, args.posts, args.repeats)
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
        ]
        subprocess.run(cmd, check=True)
        if db == "postgres":
            drop_postgres()


if __name__ == "__main__":
    main()
