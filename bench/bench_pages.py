"""Page weight and render time of every self-check page.

Weight = bytes of the HTML plus every stylesheet and script it references (all
served by the app itself; there are no images, fonts or third-party files).
Also shown gzip-compressed, as a server would send it. Render time is the
median wall time of the Django test client over --repeat requests.
Run:  .venv/bin/python bench/bench_pages.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radiculog.web.settings")
os.environ.setdefault("RADICULOG_TEST_DB", "sqlite")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from tests.web.selfcheck_helpers import load_examples, posts_for  # noqa: E402

from radiculog.web.selfcheck.steps import STEPS  # noqa: E402


class Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.urls.append(str(a["href"]))
        if tag == "script" and a.get("src"):
            self.urls.append(str(a["src"]))


def asset_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    return Path(str(path)).read_bytes() if path else b""


def measure(client: Client, path: str, repeat: int) -> tuple[int, int, int, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
    html = response.content
    parser = Assets()
    parser.feed(html.decode())
    assets = [asset_bytes(u) for u in parser.urls]
    raw = len(html) + sum(map(len, assets))
    zipped = len(gzip.compress(html)) + sum(len(gzip.compress(a)) for a in assets)
    return len(html), raw, zipped, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    client = Client()
    example = load_examples()["01-l5-classic-no-weakness"]["findings"]
    for slug, data in posts_for(example):
        client.post(f"/check/step/{slug}/", data)
    pages = ["/", "/check/", *(f"/check/step/{s.slug}/" for s in STEPS), "/check/result/"]
    pages += ["/check/l4-l5-s1/", "/check/red-flags/", "/check/tests/", "/check/faq/"]
    print(f"{'page':34} {'html':>7} {'html+css+js':>12} {'gzipped':>8} {'render ms':>10}")
    rows = []
    for path in pages:
        html, raw, zipped, ms = measure(client, path, repeat)
        rows.append({"page": path, "html": html, "total": raw, "gzip": zipped, "ms": round(ms, 2)})
        print(f"{path:34} {html:7d} {raw:12d} {zipped:8d} {ms:10.2f}")
    client.post("/check/restart/")
    client.post("/check/step/bladder-bowel/", {"bladder_change": "yes", "bowel_change": "no"})
    html, raw, zipped, ms = measure(client, "/check/emergency/", repeat)
    print(f"{'/check/emergency/':34} {html:7d} {raw:12d} {zipped:8d} {ms:10.2f}")
    heaviest = max(rows, key=lambda r: r["total"])
    print(f"heaviest: {heaviest['page']} {heaviest['total']} bytes ({heaviest['gzip']} gzipped)")
    if os.environ.get("BENCH_JSON"):
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
