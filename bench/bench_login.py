"""The cost login throttling adds to a sign-in, in one process on SQLite (test
client, no network). Argon2 is swapped for a fast hasher so the throttling's own
work shows. Run against an older checkout to compare:

    .venv/bin/python bench/bench_login.py
    (cd /tmp/old && PYTHONPATH=src /path/to/.venv/bin/python /path/to/bench/bench_login.py)
"""

from __future__ import annotations

import logging
import os
import statistics
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radiculog.web.settings")
os.environ["RADICULOG_TEST_DB"] = "sqlite"
os.environ["RADICULOG_DATA_DIR"] = tempfile.mkdtemp(prefix="radiculog-login-bench-")

import django

django.setup()
logging.disable(logging.WARNING)  # axes logs each failure

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PASSWORD = "correct horse battery staple"


def median_ms(action: Callable[[int], object], n: int) -> float:
    times = []
    for i in range(n):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    connection.creation.create_test_db(verbosity=0)
    from django.contrib.auth.models import User

    User.objects.create_user("alice", password=PASSWORD)
    client = Client()

    def wrong(i: int) -> None:
        client.post("/accounts/login/", {"username": f"user{i}", "password": "wrong"},
                    REMOTE_ADDR=f"10.0.{i // 250}.{i % 250}")  # fmt: skip

    def right(i: int) -> None:
        response = Client().post("/accounts/login/", {"username": "alice", "password": PASSWORD})
        assert response.status_code == 302

    median_ms(wrong, 20)  # warm up
    print(f"failed sign-in: {median_ms(wrong, 300):.2f} ms (median of 300)")
    print(f"successful sign-in: {median_ms(right, 100):.2f} ms (median of 100)")


if __name__ == "__main__":
    main()
