"""Handing a share link over: a QR code drawn on the server (segno, no outside
service), the link's expiry in words, and the page a clinician sees when a link
no longer works (410 Gone, saying why, with no health data)."""

from __future__ import annotations

from datetime import datetime

import segno
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radiculog.web.reports.models import ShareLink


def qr_svg(url: str) -> SafeString:
    """An inline SVG QR code of the link (presentation attributes only, CSP-safe).
    Error correction M survives a scratched phone screen; scale 4 reads at arm's length."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=4, omitsize=True, title=_("QR code of the share link"))
    return mark_safe(svg.replace('class="segno"', 'class="qr" role="img"', 1))


def expiry_words(expires: datetime, now: datetime | None = None) -> str:
    """ "Works for 14 more days, until Fri 11 Dec 2026 at 17:30." on the person's clock."""
    now = now or timezone.now()
    local = timezone.localtime(expires)
    when = local.strftime("%a %d %b %Y at %H:%M")
    seconds = (expires - now).total_seconds()
    if seconds <= 0:
        return _("Expired on %(when)s.") % {"when": when}
    days = round(seconds / 86400)  # a link made a second ago "works for 14 more days"
    if seconds >= 86400:
        text = ngettext(
            "Works for %(n)d more day, until %(when)s.",
            "Works for %(n)d more days, until %(when)s.",
            days,
        )
        return text % {"n": days, "when": when}
    return _("Works until %(when)s (less than a day left).") % {"when": when}


def gone(request: HttpRequest, link: ShareLink) -> HttpResponse:
    """What the clinician sees on a link that was switched off or has expired."""
    context = {"revoked": link.revoked is not None, "expires": link.expires}
    response = render(request, "reports/link_gone.html", context, status=410)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
