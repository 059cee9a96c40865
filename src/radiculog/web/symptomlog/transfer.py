"""Getting a log out (log JSON: log@2 when it has clinician-seen records or a
findings@2 entry, log@1 otherwise; CSV, FHIR Bundle, calendar reminders) and back
in (log@1 or log@2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import radiculog
from radiculog.exports.csv_export import csv_lines
from radiculog.exports.fhir import bundle_chunks
from radiculog.exports.ics import next_days, reminders_ics
from radiculog.exports.log_json import LogImportError, read_log_document
from radiculog.web.limits import IMPORT_BYTES, REMINDER_FIRST, REMINDER_LAST, too_large_words
from radiculog.web.symptomlog.importing import import_document
from radiculog.web.symptomlog.seen import outgoing_document
from radiculog.web.symptomlog.views import log_of

MAX_UPLOAD = IMPORT_BYTES


def _download(
    body: str | Iterator[str], content_type: str, name: str
) -> HttpResponse | StreamingHttpResponse:
    """A file to save; a long log's export is streamed, a piece at a time."""
    if isinstance(body, str):
        response: HttpResponse | StreamingHttpResponse = HttpResponse(
            body, content_type=content_type
        )
    else:
        response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _stem() -> str:
    return f"radiculog-log-{timezone.localdate():%Y-%m-%d}"


@login_required
def export_json(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    log = log_of(request)
    doc = outgoing_document(log)  # log@2 when a clinician has seen them, else log@1
    chunks = json.JSONEncoder(indent=2, ensure_ascii=False).iterencode(doc)
    return _download(chunks, "application/json", f"{_stem()}.json")


@login_required
def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    lines = csv_lines(log_of(request).to_doc())
    return _download(lines, "text/csv; charset=utf-8", f"{_stem()}.csv")


@login_required
def export_fhir(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    log = log_of(request)
    weekly = [(q.at.astimezone(log.zone).isoformat(), q.ticked) for q in log.questionnaires.all()]
    # The entries are read from the database as the bundle is written, a chunk at a time.
    chunks = bundle_chunks({"entries": log.readable_items()}, questionnaires=weekly)
    return _download(chunks, "application/fhir+json", f"{_stem()}.fhir.json")


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("A Radiculog log file (.json)"))


@login_required
def import_log(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD:
                raise LogImportError(
                    "(file)", upload.size, f"is larger than {too_large_words(MAX_UPLOAD)}"
                )
            document = read_log_document(upload.read(), radiculog.assess, timezone.now())
        except LogImportError as exc:
            form.add_error("file", str(exc))
        else:
            added = import_document(log_of(request), document)
            skipped = len(document.entries) - added
            text = _("%(n)d entries added to your log.") % {"n": added}
            if skipped:
                text += " " + _("%(n)d were already in it.") % {"n": skipped}
            messages.success(request, text)
            return redirect("symptomlog:log")
    return render(request, "symptomlog/import.html", {"form": form})


class ReminderForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("First day"),
        widget=forms.DateInput(
            attrs={
                "type": "date",
                "min": REMINDER_FIRST.isoformat(),
                "max": REMINDER_LAST.isoformat(),
            }
        ),
        validators=[MinValueValidator(REMINDER_FIRST), MaxValueValidator(REMINDER_LAST)],
    )
    days = forms.IntegerField(
        label=gettext_lazy("Number of days"), min_value=1, max_value=14, initial=3
    )
    morning = forms.TimeField(
        label=gettext_lazy("Morning check-in"),
        initial=time(8, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    evening = forms.TimeField(
        label=gettext_lazy("Evening check-in"),
        initial=time(20, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )


@login_required
def reminders(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = ReminderForm(request.POST or None, initial={"start": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        days: list[date] = next_days(data["start"], data["days"])
        body = reminders_ics(
            days,
            (data["morning"], data["evening"]),
            url=request.build_absolute_uri(reverse("symptomlog:new")),
            summary=_("Radiculog check-in"),
            seed=str(request.user.pk),
        )
        return _download(body, "text/calendar; charset=utf-8", "radiculog-reminders.ics")
    return render(request, "symptomlog/reminders.html", {"form": form})
