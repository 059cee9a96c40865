"""The documented production stack, started for real on loopback by
scripts/deploy-local: Debian's nginx with TLS in front of two gunicorn masters
(separate processes on separate ports) sharing one PostgreSQL database. A
signed-in person's requests land on both; sessions, login throttling and share
links hold across them; no share token reaches any access log."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.deploy.conftest import PG_SERVER, REPO, drop_database, require, unique_database_name
from tests.deploy.stack_client import Browser, free_ports

pytestmark = pytest.mark.stack
PASSWORD = "correct horse battery staple"
LIMIT = 5  # settings.AXES_FAILURE_LIMIT


class Stack:
    def __init__(self, base: Path, https: int, http: int) -> None:
        self.base, self.https, self.http = base, https, http
        self.origin = f"https://localhost:{https}"

    def browser(self) -> Browser:
        return Browser(self.origin, self.base / "tls" / "fullchain.pem")

    def app_log(self, n: int) -> str:
        return (self.base / "log" / f"app-{n}.log").read_text()

    def all_logs(self) -> str:
        return "".join(p.read_text() for p in sorted((self.base / "log").glob("*.log")))

    def log_counts(self, text: str, until: Callable[[list[int]], bool]) -> list[int]:
        """How often each app's access log holds `text`, once `until` holds for those
        counts or 10 s have passed: gunicorn writes the line after the answer."""
        deadline = time.monotonic() + 10
        while True:
            counts = [self.app_log(1).count(text), self.app_log(2).count(text)]
            if until(counts) or time.monotonic() > deadline:
                return counts
            time.sleep(0.1)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    require("nginx", "openssl")
    name = unique_database_name()  # deploy-local creates it
    base = tmp_path_factory.mktemp("stack")
    app1, _app2, https, http = free_ports(4)
    command = [
        sys.executable, str(REPO / "deploy" / "local_stack.py"), "--dir", str(base),
        "--apps", "2", "--workers", "1", "--first-app-port", str(app1),
        "--https-port", str(https), "--http-port", str(http),
        "--database-url", f"{PG_SERVER}/{name}",
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("RADICULOG_")}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        line = process.stdout.readline().decode()
        lines.append(line)
        if line.startswith("ready:") or (not line and process.poll() is not None):
            break
    if not lines[-1].startswith("ready:"):
        process.kill()
        pytest.fail("the stack did not start:\n" + "".join(lines))
    try:
        yield Stack(base, https, http)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        drop_database(name)


def sign_up(browser: Browser, username: str) -> None:
    answer = browser.submit(
        "/accounts/signup/",
        {"username": username, "password1": PASSWORD, "password2": PASSWORD, "tz": "UTC"},
    )
    assert answer.status == 302, answer.text[:2000]


def test_health_over_https_reaches_postgresql(stack: Stack) -> None:
    answer = stack.browser().get("/healthz")
    assert answer.status == 200
    assert json.loads(answer.body) == {"status": "ok", "database": "postgresql"}
    assert "max-age=31536000" in answer.headers["Strict-Transport-Security"]


def test_plain_http_is_sent_to_https(stack: Stack) -> None:
    with socket.create_connection(("127.0.0.1", stack.http)) as conn:
        conn.sendall(b"GET /log/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        head = conn.recv(4096).decode()
    assert head.startswith("HTTP/1.1 301")
    assert "Location: https://localhost/log/" in head


def test_static_files_are_served_hashed_and_cached_for_a_year(stack: Stack) -> None:
    browser = stack.browser()
    page = browser.get("/").text
    css = re.search(r'href="(/static/radiculog/site\.[0-9a-f]{12}\.css)"', page)
    assert css, "collectstatic's hashed name is on the page"
    answer = browser.get(css.group(1), **{"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert "max-age=315360000" in answer.headers["Cache-Control"]
    assert answer.headers["Content-Encoding"] == "gzip"
    assert "no-store" in browser.get("/").headers["Cache-Control"]


def test_a_signed_in_person_is_served_by_both_app_processes(stack: Stack) -> None:
    browser = stack.browser()
    sign_up(browser, "dana")
    before = [stack.app_log(1).count("GET /log/ "), stack.app_log(2).count("GET /log/ ")]
    for _ in range(6):
        answer = browser.get("/log/")
        assert answer.status == 200
        assert 'action="/accounts/logout/"' in answer.text  # still signed in
        assert answer.headers["Cache-Control"] == "no-store"
    after = stack.log_counts("GET /log/ ", lambda c: c[0] > before[0] and c[1] > before[1])
    assert after[0] > before[0] and after[1] > before[1], (before, after)


def test_login_throttling_counts_across_both_app_processes(stack: Stack) -> None:
    sign_up(stack.browser(), "erin")
    attacker = stack.browser()
    statuses = [
        attacker.submit("/accounts/login/", {"username": "erin", "password": "wrong"}).status
        for _ in range(LIMIT + 1)
    ]
    # Each app process saw only some of the tries; together they count to the limit.
    assert statuses == [200] * (LIMIT - 1) + [429, 429]
    right = attacker.submit("/accounts/login/", {"username": "erin", "password": PASSWORD})
    assert right.status == 429
    assert attacker.get("/log/").status == 302  # not signed in


def test_a_forged_forwarded_for_header_does_not_escape_the_pause(stack: Stack) -> None:
    sign_up(stack.browser(), "fred")
    attacker = stack.browser()
    statuses = []
    for n in range(LIMIT + 1):
        page = attacker.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token
        answer = attacker.request(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token.group(1), "username": "fred", "password": "wrong"},
            **{"X-Forwarded-For": f"198.51.100.{n}"},
        )
        statuses.append(answer.status)
    assert statuses[-1] == 429, statuses


def test_a_share_link_opens_on_both_processes_and_its_token_is_never_logged(
    stack: Stack,
) -> None:
    owner = stack.browser()
    sign_up(owner, "gina")
    made = owner.submit("/report/share/", {"label": "physio", "days": "7"})
    assert made.status == 302
    page = owner.get("/report/share/").text
    found = re.search(r"/report/shared/([A-Za-z0-9_-]{20,})/", page)
    assert found, "the new link is shown once"
    token = found.group(1)
    clinician = stack.browser()
    page_url, pdf_url = f"/report/shared/{token}/", f"/report/shared/{token}/report.pdf"
    for path in (page_url, page_url, pdf_url):
        answer = clinician.get(path)
        assert answer.status == 200, path
        assert answer.headers["Cache-Control"] == "no-store"
        assert answer.headers["Referrer-Policy"] == "no-referrer"
        assert "noindex" in answer.headers["X-Robots-Tag"]
    assert answer.body.startswith(b"%PDF")
    counts = stack.log_counts("/report/shared/-/", lambda c: sum(c) >= 3)
    assert counts[0] >= 1 and counts[1] >= 1 and sum(counts) == 3, counts  # both served it
    assert token not in stack.all_logs()


def test_the_proxy_passes_every_body_the_app_takes_and_refuses_past_its_limit(
    stack: Stack,
) -> None:
    """Issue 19: nginx's client_max_body_size is radiculog.web.limits.REQUEST_BYTES, so
    a body the app refuses gets the app's own page with its headers (nginx's 2m once
    answered a person's own 2.3 MB export with its bare 413), and only a body past the
    app's largest limit is nginx's to refuse."""
    from radiculog.web.limits import REQUEST_BYTES

    browser = stack.browser()
    big = browser.submit("/accounts/login/", {"username": "x" * (3 * 1024 * 1024)})
    assert big.status == 413, big.text[:500]
    assert "That is too large" in big.text  # the app's page, through nginx
    assert big.headers["Content-Security-Policy"] and big.headers["X-Frame-Options"]
    past = browser.submit("/accounts/login/", {"username": "x" * (REQUEST_BYTES + 1024)})
    assert past.status == 413
    assert "That is too large" not in past.text  # nginx's own: the app never saw it
