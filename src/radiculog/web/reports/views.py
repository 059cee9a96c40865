"""Report pages: the owner's report (HTML, PDF), the prep list, share links,
and the read-only shared view a clinician opens."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radiculog.web.reports.content import build_report, prep_of
from radiculog.web.reports.forms import PrepForm, ShareForm, initial_of
from radiculog.web.reports.handover import expiry_words, gone, qr_svg
from radiculog.web.reports.health_link import health_link
from radiculog.web.reports.models import Prep, ShareLink, ShareOpening
from radiculog.web.reports.pdf import render_pdf
from radiculog.web.reports.saving import save_prep
from radiculog.web.symptomlog.views import log_of
from radiculog.web.writes.versions import version_of

NEW_LINK = "reports:new-share-link"  # session key: the link just made, shown once


def _pdf_response(pdf: bytes, download: bool) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="radiculog-report.pdf"'
    return response


@login_required
def report(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/report.html", build_report(log_of(request)))


@login_required
def report_pdf(request: HttpRequest) -> HttpResponse:
    return _pdf_response(render_pdf(build_report(log_of(request))), download=True)


@login_required
def prep(request: HttpRequest) -> HttpResponse:
    log = log_of(request)
    saved = Prep.objects.filter(log=log).values_list("updated", flat=True).first()
    initial = {**initial_of(prep_of(log)), "version": version_of(saved)}
    form = PrepForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and save_prep(log, form):
        messages.success(request, _("Your notes for the appointment are saved."))
        return redirect("reports:report")
    return render(request, "reports/prep.html", {"form": form})


@login_required
def shares(request: HttpRequest) -> HttpResponse:
    log = log_of(request)
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        expires = now + timedelta(days=form.cleaned_data["days"])
        link, token = ShareLink.make(log, form.cleaned_data["label"], now, expires)
        # Shown once, on the page this redirects to; only its digest is stored.
        url = request.build_absolute_uri(reverse("reports:shared", args=[token]))
        shl = health_link(request, token, expires, url)  # the QR code carries this
        request.session[NEW_LINK] = {"pk": link.pk, "url": url, "health_link": shl}
        messages.success(request, _("Share link created. Copy it and send it to your clinician."))
        return redirect(reverse("reports:shares") + "#new-link")  # straight to the link
    links = list(log.share_links.prefetch_related("openings"))
    for link in links:
        link.expiry_words = expiry_words(link.expires)  # type: ignore[attr-defined]
    new = request.session.pop(NEW_LINK, None)
    if new:
        new["qr"] = qr_svg(new.get("health_link", new["url"]))
    return render(
        request,
        "reports/shares.html",
        {"form": form, "links": links, "now": timezone.now(), "new": new},
    )


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(ShareLink, pk=pk, log__owner=request.user)
    if link.revoked is None:
        link.revoked = timezone.now()
        link.save(update_fields=["revoked"])
    messages.success(request, _("The link is switched off. Nobody can open it any more."))
    return redirect("reports:shares")


class LinkGone(Exception):
    """A real link that was switched off or has expired: 410 with a plain page."""

    def __init__(self, link: ShareLink) -> None:
        self.link = link


def _open(request: HttpRequest, token: str, what: str) -> ShareLink:
    link = ShareLink.for_token(token)
    if link is None:
        raise Http404("no such share link")
    if not link.is_active():
        raise LinkGone(link)
    agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    ShareOpening.objects.create(link=link, what=what, user_agent=agent)
    timezone.activate(link.log.zone)  # the times the person wrote, as they wrote them
    return link


def shared(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = _open(request, token, "html")
    except LinkGone as stopped:
        return gone(request, stopped.link)
    context = {**build_report(link.log), "shared": link, "token": token}
    response = render(request, "reports/shared.html", context)
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak to other sites
    response["X-Robots-Tag"] = "noindex"
    return response


def shared_pdf(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = _open(request, token, "pdf")
    except LinkGone as stopped:
        return gone(request, stopped.link)
    return _pdf_response(render_pdf({**build_report(link.log), "shared": link}), download=False)
