"""gunicorn's access log without secrets: a share link's token is the key to a
person's report, so it never reaches a log file; query strings are left out too.
Used by deploy/gunicorn.conf.py (`logger_class`)."""

from __future__ import annotations

import re
from typing import Any

from gunicorn.glogging import Logger

SHARE_TOKEN = re.compile(r"^(/report/shared/)[^/]+")


def redact(path: str) -> str:
    return SHARE_TOKEN.sub(r"\1-", path)


class RedactingLogger(Logger):  # type: ignore[misc]
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        path = redact(str(environ.get("PATH_INFO", "")))
        atoms["U"] = path
        atoms["q"] = ""
        method, protocol = environ.get("REQUEST_METHOD", "-"), environ.get("SERVER_PROTOCOL", "-")
        atoms["r"] = f"{method} {path} {protocol}"
        atoms["f"] = "-"  # the referer may be a share page
        return atoms
