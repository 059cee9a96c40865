"""gunicorn's access log never holds a share token or a query string."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from gunicorn.config import Config

from radiculog.web.accesslog import RedactingLogger, redact

TOKEN = "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4"


def test_a_share_token_is_replaced_wherever_it_appears_in_the_path() -> None:
    assert redact(f"/report/shared/{TOKEN}/") == "/report/shared/-/"
    assert redact(f"/report/shared/{TOKEN}/report.pdf") == "/report/shared/-/report.pdf"
    assert redact("/log/") == "/log/"


def test_the_logged_request_line_has_no_token_query_or_referer() -> None:
    logger = RedactingLogger(Config())
    environ = {
        "PATH_INFO": f"/report/shared/{TOKEN}/report.pdf",
        "QUERY_STRING": "next=/secret",
        "RAW_URI": f"/report/shared/{TOKEN}/report.pdf?next=/secret",
        "REQUEST_METHOD": "GET",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://x.example/report/shared/{TOKEN}/",
        "REMOTE_ADDR": "127.0.0.1",
    }
    request = SimpleNamespace(headers=[], method="GET", path=environ["PATH_INFO"])
    response = SimpleNamespace(status="200 OK", response_length=10, sent=10, headers=[])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=5))
    line = logger.cfg.access_log_format % atoms
    assert TOKEN not in line and TOKEN not in str(atoms.get("U")) and "secret" not in line
    assert atoms["r"] == "GET /report/shared/-/report.pdf HTTP/1.1"
