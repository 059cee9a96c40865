"""Load test of the production stack on loopback (scripts/deploy-local: nginx with
TLS, two gunicorn masters of two workers each, PostgreSQL or SQLite).

Part 1: 50 signed-in users, each with a 6-entry log, loop over a self-check page,
their log and their report with 1 s think time; latency p50/p95/p99 and errors.
Part 2 (saturation): 8 users with no think time; requests per second.
The load generator runs on the same 2 cores, so saturation figures are a floor. It is
wrk (Debian's package, bench/wrk/users.lua: one thread and connection per user) when
installed: a load generator written in Python, with 50 threads doing TLS under one
GIL, took about a third of a core from the stack it measured (`--generator python`
keeps it for comparison). Sign-up and the one-user-alone figures use Python.
Traffic goes to 127.0.0.1 only.

    .venv/bin/python bench/bench_stack.py                  # PostgreSQL
    .venv/bin/python bench/bench_stack.py --database sqlite
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import load_example  # noqa: E402
from tests.deploy.stack_client import free_ports  # noqa: E402

PASSWORD = "correct horse battery staple"
PAGES = ["/check/", "/log/", "/report/"]
WRK = shutil.which("wrk")


class User:
    """One browser: a keep-alive TLS connection and its cookies."""

    def __init__(self, port: int, context: ssl.SSLContext) -> None:
        self.port, self.context = port, context
        self.cookies: dict[str, str] = {}
        self.conn = self._connect()

    def _connect(self) -> http.client.HTTPSConnection:
        return http.client.HTTPSConnection("localhost", self.port, context=self.context, timeout=60)

    def request(
        self, method: str, path: str, body: bytes | None = None, **headers: str
    ) -> tuple[int, bytes]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {"Cookie": cookie, "Accept-Encoding": "gzip", **headers}
        if method == "POST":
            headers.setdefault("Origin", f"https://localhost:{self.port}")
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = self._connect()
                if attempt:
                    raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, data

    def sign_up(self, name: str) -> None:
        _status, page = self.request("GET", "/accounts/signup/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        form = {"csrfmiddlewaretoken": token.group(1).decode(), "username": name,
                "password1": PASSWORD, "password2": PASSWORD, "tz": "UTC"}  # fmt: skip
        status, _ = self.request(
            "POST", "/accounts/signup/", urlencode(form).encode(),
            **{"Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        assert status == 302, status
        findings = load_example("01-l5-classic-no-weakness.json")["findings"]
        for n in range(6):
            body = {"at": f"2026-11-{21 + n // 2:02d}T{8 + 12 * (n % 2):02d}:00:00+00:00",
                    "findings": findings}  # fmt: skip
            status, _ = self.request(
                "POST", "/api/v1/log/entries", json.dumps(body).encode(),
                **{"Content-Type": "application/json"},
            )  # fmt: skip
            assert status == 201, status


def run_users(
    users: list[User], think: float, seconds: float, pages: list[str] = PAGES
) -> tuple[list[float], int, int]:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def loop(user: User, offset: int) -> None:
        n = offset
        while time.monotonic() < stop_at:
            path = pages[n % len(pages)]
            n += 1
            start = time.perf_counter()
            try:
                status, _ = user.request("GET", path)
            except OSError:
                status = 0
            took = time.perf_counter() - start
            with lock:
                times.append(took)
                if status != 200:
                    errors[0] += 1
            if think:
                time.sleep(think)

    threads = [threading.Thread(target=loop, args=(u, i)) for i, u in enumerate(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0], len(times)


def report(label: str, times: list[float], errors: int, count: int, seconds: float) -> None:
    q = statistics.quantiles(times, n=100)
    print(f"{label}: {count} requests in {seconds:.0f} s = {count / seconds:.1f}/s, "
          f"errors {errors}; p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, "
          f"p99 {q[98] * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")  # fmt: skip


def run_wrk(
    port: int, users: list[User], think_ms: int, seconds: float
) -> tuple[float, int, dict[str, float]]:
    """wrk with one thread and connection per user; (requests/s, errors, percentiles ms)."""
    with tempfile.NamedTemporaryFile("w", suffix=".cookies", delete=False) as jar:
        for user in users:
            jar.write("; ".join(f"{k}={v}" for k, v in user.cookies.items()) + "\n")
    env = {**os.environ, "WRK_COOKIES": jar.name, "WRK_THINK_MS": str(think_ms)}
    n = str(len(users))
    run = subprocess.run(
        [str(WRK), "-t", n, "-c", n, "-d", f"{seconds:.0f}s", "--timeout", "10s",
         "-s", str(REPO / "bench" / "wrk" / "users.lua"), f"https://localhost:{port}/"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    Path(jar.name).unlink()
    line = next(x for x in run.stdout.splitlines() if x.startswith("RESULT "))
    fields = {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
    errors = sum(int(v) for k, v in fields.items() if k.startswith(("errors", "not_200")))
    return fields["requests"] / fields["seconds"], errors, fields


def report_wrk(label: str, result: tuple[float, int, dict[str, float]]) -> None:
    rate, errors, f = result
    print(f"{label} (wrk): {f['requests']:.0f} requests in {f['seconds']:.0f} s = {rate:.1f}/s, "
          f"errors {errors}; p50 {f['p50']:.1f} ms, p95 {f['p95']:.1f} ms, "
          f"p99 {f['p99']:.1f} ms, max {f['max']:.1f} ms")  # fmt: skip


@contextlib.contextmanager
def stack(
    database: str, *extra: str, python: str = sys.executable
) -> Iterator[tuple[int, ssl.SSLContext]]:
    """scripts/deploy-local's stack on free loopback ports; yields (HTTPS port, TLS context)."""
    base = Path(tempfile.mkdtemp(prefix="radiculog-bench-"))
    first = free_ports(4)[0]
    name = f"radiculog_bench_{os.getpid()}"
    url = "sqlite" if database == "sqlite" else f"postgres://postgres@127.0.0.1:5432/{name}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RADICULOG_")}
    process = subprocess.Popen(
        [python, str(REPO / "deploy" / "local_stack.py"), "--dir", str(base),
         "--first-app-port", str(first), "--https-port", str(first + 2),
         "--http-port", str(first + 3), "--database-url", url, *extra],
        stdout=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    assert line.startswith("ready:"), line
    try:
        yield first + 2, ssl.create_default_context(cafile=str(base / "tls" / "fullchain.pem"))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        if database != "sqlite":
            import psycopg

            with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres",
                                 autocommit=True) as conn:  # fmt: skip
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def version(python: str) -> str:
    run = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0], sys.prefix)"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    return run.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--saturation-users", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per master")
    parser.add_argument(
        "--python", default=sys.executable,
        help="the stack's interpreter: a production install's, as docs/hosting.md makes it "
        "(Debian's python3, requirements/production.txt); default: this one",
    )  # fmt: skip
    parser.add_argument("--generator", choices=["wrk", "python"],
                        default="wrk" if WRK else "python")  # fmt: skip
    args = parser.parse_args()
    with stack(args.database, "--workers", str(args.workers), python=args.python) as (
        port,
        context,
    ):
        print(f"stack: nginx + 2 gunicorn masters x {args.workers} workers, {args.database}, "
              f"Python {version(args.python)}; "
              f"load {os.getloadavg()[0]:.1f} before")  # fmt: skip
        users = [User(port, context) for _ in range(args.users)]
        for n, user in enumerate(users):
            user.sign_up(f"bench{n}")
        run_users(users[:5], 0, 5)  # warm up every worker
        label = f"{args.users} users, 1 s think time"
        if args.generator == "wrk":
            report_wrk(label, run_wrk(port, users, 1000, args.seconds))
        else:
            times, errors, count = run_users(users, 1.0, args.seconds)
            report(label, times, errors, count, args.seconds)
        for page in PAGES:
            alone = run_users(users[:1], 0, 5, [page])[0]
            print(f"  {page}: p50 {statistics.median(alone) * 1000:.1f} ms, one user alone")
        busy = users[: args.saturation_users]
        label = f"saturation, {len(busy)} users, no think time"
        if args.generator == "wrk":
            report_wrk(label, run_wrk(port, busy, 0, args.seconds / 2))
        else:
            times, errors, count = run_users(busy, 0, args.seconds / 2)
            report(label, times, errors, count, args.seconds / 2)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
