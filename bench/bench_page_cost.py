"""Benchmark: instructions per request of the pages the load test visits, under
valgrind (callgrind), so a change to a page can be judged on a busy shared machine
where its CPU time moves by ±50%.

A signed-in person with a log of N entries (6 by default, as in bench_stack.py) asks
for each page through Django's test client, in one process, on SQLite. Each figure is
(instructions for R requests - instructions for 0) / R, so start-up cancels out. The
database is built once, natively, and copied for every run. Needs valgrind. Run:
    .venv/bin/python bench/bench_page_cost.py [--entries 6 60] [--pages /log/ /report/]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from bench_instructions import callgrind  # noqa: E402

PAGES = ["/", "/check/", "/log/", "/report/"]

# Builds (what == "build") or uses a copy of a prepared database, then asks for a page.
HARNESS = """
import json, os, sys
from datetime import UTC, datetime, timedelta
sys.path.insert(0, {repo!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "radiculog.web.settings"
for name in ("RADICULOG_TEST_DB", "DATABASE_URL", "RADICULOG_DEBUG"):
    os.environ.pop(name, None)
import django
django.setup()
from django.conf import settings
settings.ALLOWED_HOSTS = ["*"]
from django.contrib.auth import get_user_model
from django.test import Client
what, page, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
if what == "build":
    from django.core.management import call_command
    from tests.conftest import load_example
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    user = get_user_model().objects.create_user("bench", password="not-used-here-1")
    client = Client()
    client.force_login(user)
    findings = load_example("01-l5-classic-no-weakness.json")["findings"]
    for i in range(n):
        at = datetime(2026, 1, 1, 8, tzinfo=UTC) + timedelta(hours=12 * i)
        body = json.dumps({{"at": at.isoformat(), "findings": findings}})
        answer = client.post("/api/v1/log/entries", body, content_type="application/json")
        assert answer.status_code == 201, answer.content
    sys.exit(0)
client = Client()
client.force_login(get_user_model().objects.get(username="bench"))
assert client.get(page).status_code == 200  # warm: templates compiled, knowledge loaded
for _ in range(n):
    client.get(page)
"""


def count(script: Path, data: Path, page: str, n: int) -> int:
    env = {**os.environ, "RADICULOG_DATA_DIR": str(data), "PYTHONHASHSEED": "0"}
    return callgrind([sys.executable, str(script), "run", page, str(n)], env)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, nargs="+", default=[6])
    parser.add_argument("--pages", nargs="+", default=PAGES)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "harness.py"
        script.write_text(HARNESS.format(repo=str(REPO)))
        for entries in args.entries:
            built = Path(tmp) / f"built-{entries}"
            env = {**os.environ, "RADICULOG_DATA_DIR": str(built)}
            subprocess.run([sys.executable, str(script), "build", "-", str(entries)],
                           env=env, check=True)  # fmt: skip
            for page in args.pages:
                data = Path(tmp) / "run"
                figures = []
                for n in (0, args.requests):
                    shutil.rmtree(data, ignore_errors=True)
                    shutil.copytree(built, data)
                    figures.append(count(script, data, page, n))
                per = (figures[1] - figures[0]) / args.requests
                print(f"{entries:>5} entries  {page:<10} {per / 1e6:>8.1f} M instructions/request")


if __name__ == "__main__":
    main()
