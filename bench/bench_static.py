"""Static files on the loopback stack: nginx serving the collectstatic folder (the
documented stack) against WhiteNoise in the gunicorn workers (docs/hosting.md).
8 keep-alive clients fetch the hashed, gzipped site.css for 10 s each way.

    .venv/bin/python bench/bench_static.py
"""

from __future__ import annotations

import os
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stack import User, run_users, stack


def main() -> None:
    for label, extra in (("WhiteNoise (app)", ("--static-by-app",)), ("nginx alias", ())):
        with stack("sqlite", *extra) as (port, context):
            home = User(port, context).request("GET", "/")[1].decode()
            found = re.search(r"/static/radiculog/site\.[0-9a-f]{12}\.css", home)
            assert found
            users = [User(port, context) for _ in range(8)]
            run_users(users, 0, 2, [found.group(0)])  # warm up
            times, errors, count = run_users(users, 0, 10, [found.group(0)])
            q = statistics.quantiles(times, n=100)
            print(f"{label}: {count / 10:.0f} files/s, p50 {q[49] * 1000:.1f} ms, "
                  f"p95 {q[94] * 1000:.1f} ms, errors {errors}, "
                  f"load {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
