"""The app served by gunicorn in its own processes, for tests of requests that race.

Django's own live server runs in a thread of the test process and, on SQLite, shares
the test's in-memory connection: nothing there happens at once. Here three gunicorn
workers serve the app as production does: on SQLite a fresh database file in a
temporary folder (migrated first), on PostgreSQL the test database pytest-django made.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from django.conf import settings

REPO = Path(__file__).resolve().parents[3]
PASSWORD = "correct horse battery staple 19"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def app_env(data_dir: Path) -> dict[str, str]:
    """The environment of a production-like app process on this test's database."""
    env = {
        **os.environ,
        "RADICULOG_DATA_DIR": str(data_dir),
        "RADICULOG_DEBUG": "False",
        "RADICULOG_SECURE_COOKIES": "False",
        "RADICULOG_SECRET_KEY": "live-app-tests-only",
    }
    database = settings.DATABASES["default"]
    # Only ever the database pytest-django made for this run, never a real one.
    assert (
        str(database["NAME"]).startswith(("test_", "file:memorydb"))
        or database["NAME"] == ":memory:"
    ), database["NAME"]
    if database["ENGINE"].endswith("postgresql"):
        user, host, port = database["USER"], database["HOST"], database["PORT"]
        env["DATABASE_URL"] = f"postgres://{user}@{host}:{port}/{database['NAME']}"
        env["RADICULOG_TEST_DB"] = "postgres"
    else:
        env["RADICULOG_TEST_DB"] = "sqlite"
    return env


def prepare(env: dict[str, str]) -> None:
    manage = [sys.executable, str(REPO / "manage.py")]
    if env["RADICULOG_TEST_DB"] == "sqlite":
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=REPO)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=REPO)


@dataclass
class LiveApp:
    url: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def client(self) -> Client:
        return Client(self.url)

    def person(self, name: str) -> Client:
        """A new client, signed up (and so signed in) as `name`."""
        client = self.client()
        answer = client.submit(
            "/accounts/signup/", {"username": name, "password1": PASSWORD, "password2": PASSWORD}
        )
        assert answer.status_code == 302, answer.text[:500]
        return client


def serve(data_dir: Path, workers: int = 3) -> Iterator[LiveApp]:
    env = app_env(data_dir)
    prepare(env)
    port = _free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60", "--preload",
        "--chdir", str(REPO / "src"), "radiculog.web.wsgi",
    ]  # fmt: skip
    # The server's log goes to a file beside the data folder (a pipe nobody reads
    # would fill and stall the server; a full data folder would refuse the log).
    with tempfile.NamedTemporaryFile(prefix="live-app-", suffix=".log") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
        app = LiveApp(f"http://127.0.0.1:{port}", env, process)
        try:
            _wait_until_up(app)
            yield app
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_up(app: LiveApp) -> None:
    deadline = time.monotonic() + 120  # a busy shared machine boots Django slowly
    while time.monotonic() < deadline:
        try:
            if requests.get(app.url + "/healthz", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError("the app did not start")


class Client:
    """A browser for the live app: cookies, CSRF tokens from the forms, no redirects."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.Session()

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url + path, allow_redirects=False, timeout=60, **kwargs)

    def form(self, path: str) -> dict[str, str]:
        """The hidden fields of the page's last form (CSRF token, write key, version)."""
        page = self.get(path).text
        fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
        return dict(fields)

    def post(self, path: str, data: Any = None, **kwargs: Any) -> requests.Response:
        headers = {
            "Referer": self.url + path,
            "X-CSRFToken": self.session.cookies.get("csrftoken", ""),
            **kwargs.pop("headers", {}),
        }
        return self.session.post(
            self.url + path, data=data, headers=headers, allow_redirects=False, timeout=60, **kwargs
        )

    def submit(self, path: str, fields: dict[str, Any]) -> requests.Response:
        return self.post(path, {**self.form(path), **fields})
