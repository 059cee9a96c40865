"""What a clinic's administrator would see after docs/hosting.md, checked from
inside the machine that followed it (deploy/verify-hosting-docs pipes this file
to the machine's own python3; standard library only).

    python3 - ORIGIN CAFILE USERNAME first|restored

`first`: home page over TLS, HTTP sent to HTTPS, /healthz on PostgreSQL, then a
sign-up, a log entry and the report (page and PDF) through nginx, with the
requests of one signed-in person reaching both app processes.
`restored`: after the backup was restored, the same person signs in and their
entry is there. Prints one line per check; exits 1 on the first failure."""

from __future__ import annotations

import http.client
import http.cookiejar
import json
import re
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

PASSWORD = "correct horse battery staple"
ENTRY = {  # the quick entry form (tests/web/test_log_entry.py's form_data)
    "pain_spots": ["right:calf", "right:dorsum_foot"],
    "feeling_spots": ["right:dorsum_foot"],
    "feeling_kind": "tingling",
    "test": "toe_lift",
    "left": "10",
    "right": "7",
    "when_day": "now",
    "leg_pain": "4",
    "back_pain": "3",
    "painkillers": "2",
    "sleep": "woken",
    "walk_minutes": "15",
    "triggers": "verify-hosting-docs entry",
    "easers": "walking",
    "none_new": "on",
}


Answer = tuple[int, dict[str, str], bytes]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    def __init__(self, origin: str, cafile: str) -> None:
        self.origin = origin
        # The self-signed certificate of step 7 names the host only in its CN;
        # the chain is checked against it, the name is not.
        context = ssl.create_default_context(cafile=cafile)
        context.check_hostname = False
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )

    def request(self, path: str, data: Mapping[str, object] | None = None) -> Answer:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.origin + path, data=body)
        if body is not None:
            request.add_header("Origin", self.origin)
            request.add_header("Referer", self.origin + path)
        try:
            with self.opener.open(request, timeout=120) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def submit(self, path: str, fields: Mapping[str, object]) -> Answer:
        page = self.request(path)[2].decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        check(token is not None, f"CSRF token on {path}")
        assert token is not None
        return self.request(path, {"csrfmiddlewaretoken": token.group(1), **fields})


def check(ok: bool, what: str, detail: object = "") -> None:
    print(("ok   " if ok else "FAIL ") + what + (f": {detail}" if not ok and detail else ""))
    if not ok:
        sys.exit(1)


def log_lines(unit: str) -> int:
    journal = subprocess.run(
        ["journalctl", "-q", "-o", "cat", "-u", unit], capture_output=True, text=True
    ).stdout
    return journal.count("GET /log/ ")


def show_entry(browser: Browser) -> None:
    """The log lists one entry; its page shows what was typed into it."""
    status, _, body = browser.request("/log/")
    links = set(re.findall(r'href="(/log/entries/\d+/)"', body.decode()))
    check(status == 200 and len(links) == 1, "the log lists the entry", (status, links))
    status, _, body = browser.request(links.pop())
    check(status == 200 and b"verify-hosting-docs entry" in body, "the entry's page", status)


def first(browser: Browser, origin: str, username: str) -> None:
    status, headers, body = browser.request("/")
    check(status == 200 and b"Radiculog" in body, "home page over HTTPS", status)
    host = urllib.parse.urlsplit(origin).hostname or ""
    plain = http.client.HTTPConnection(host, 80, timeout=30)
    plain.request("GET", "/log/")
    answer = plain.getresponse()
    location = answer.getheader("Location")
    redirected = answer.status == 301 and location == f"https://{host}/log/"
    check(redirected, "http:// -> https://", location)
    status, headers, body = browser.request("/healthz")
    health = json.loads(body)
    check(health == {"status": "ok", "database": "postgresql"}, "/healthz on PostgreSQL", health)
    hsts = headers.get("Strict-Transport-Security", "")
    check("max-age=31536000" in hsts, "HSTS for a year", hsts)
    fields = {"username": username, "password1": PASSWORD, "password2": PASSWORD, "tz": "UTC"}
    status, headers, body = browser.submit("/accounts/signup/", fields)
    check(status == 302, "sign-up", (status, body[:300]))
    status, headers, body = browser.submit("/log/new/", ENTRY)
    check(status == 302, "log entry saved", (status, body[:300]))
    before = [log_lines("radiculog@8001"), log_lines("radiculog@8002")]
    for _ in range(6):
        show_entry(browser)
    time.sleep(1)  # gunicorn writes its access line after the answer
    after = [log_lines("radiculog@8001"), log_lines("radiculog@8002")]
    served = after[0] > before[0] and after[1] > before[1]
    check(served, "one person's requests reach radiculog@8001 and @8002", (before, after))
    status, headers, body = browser.request("/report/")
    check(status == 200, "report page", status)
    status, headers, body = browser.request("/report/report.pdf")
    check(status == 200 and body.startswith(b"%PDF"), "report PDF", status)


def restored(browser: Browser, username: str) -> None:
    fields = {"username": username, "password": PASSWORD}
    status = browser.submit("/accounts/login/", fields)[0]
    check(status == 302, "sign-in after the restore", status)
    show_entry(browser)


def main() -> None:
    origin, cafile, username, stage = sys.argv[1:5]
    browser = Browser(origin, cafile)
    if stage == "first":
        first(browser, origin, username)
    else:
        restored(browser, username)


if __name__ == "__main__":
    main()
