"""The report as PDF through WeasyPrint.

The PDF template inlines its own stylesheet and fetches nothing: a fetcher
that refuses every URL keeps the renderer off the network.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


@cache
def print_css() -> str:
    return files("radiculog.web.reports").joinpath("static/reports/report.css").read_text("utf-8")


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"the report PDF fetches nothing, refused {url[:60]}")


def render_pdf(context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    html = render_to_string("reports/report_pdf.html", {**context, "css": mark_safe(print_css())})
    pdf: bytes = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    return pdf
