"""Log pages: the log with its trend, the quick entry, one entry, starting a log."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from radiculog.contract.limits import without_nulls
from radiculog.engine.knowledge import load_knowledge
from radiculog.summary.labels import place
from radiculog.summary.sentences import clinician_sentences
from radiculog.web.selfcheck import bodymap
from radiculog.web.symptomlog import assessing, trendview
from radiculog.web.symptomlog.entry_time import EntryTimeError, entry_moment
from radiculog.web.symptomlog.forms import WHEN_ERRORS, EntryForm, findings_from, initial_from
from radiculog.web.symptomlog.models import Entry, Log, ReadLog, read_entries
from radiculog.web.symptomlog.seen import seen_times, shown_signs
from radiculog.web.symptomlog.writing import (
    MEASURE_FIELDS,
    add_entry,
    current_assessment,
    delete_entry,
    import_entries,
)
from radiculog.web.writes.once import form_key, once

__all__ = ["add_entry", "import_entries"]  # used by the API and the import page
# A form sent again (a double click, the browser's resend): nothing new is written.
ALREADY_SAVED = gettext_lazy("This was already saved: it is in your log once.")


def log_of(request: HttpRequest) -> Log:
    """The signed-in person's log; its time zone becomes the one pages show."""
    log, _created = Log.objects.get_or_create(owner=request.user)  # type: ignore[misc]
    timezone.activate(log.zone)
    return log


def log_context(read: ReadLog, log: Log) -> dict[str, Any]:
    """What the log page shows about the whole log, from one read of it."""
    prefetch_related_objects([log], "clinician_seen")  # read twice below: one query
    doc = read.doc
    assessment = assessing.assessment_of(read, seen_times(log))
    newest = read.parsed[-1].at if read.parsed else None
    return {
        "doc": doc,
        "assessment": assessment,
        "escalation": assessing.escalation(assessment, newest),
        "shown_signs": shown_signs(assessment),
        "charts": trendview.charts(doc),
        "maps": trendview.body_maps(doc),
        "direction": trendview.direction(assessment),
        "sentences": clinician_sentences(doc, (assessment or {}).get("trend")),
        "seen": list(log.clinician_seen.all()),
        "unreadable": read.unreadable,
    }


ROWS_PER_PAGE = 50


@login_required
def log_page(request: HttpRequest) -> HttpResponse:
    """The trend of the whole log, and its entries newest first, a page at a time."""
    log = log_of(request)
    read = log.read()
    rows = Paginator([*reversed(read.entries)], ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {**log_context(read, log), "log": log, "entries": rows, "page": rows}
    context["weekly_due"] = bool(read.entries) and weekly_due(log)
    return render(request, "symptomlog/log.html", context)


@login_required
def new_entry(request: HttpRequest) -> HttpResponse:
    log = log_of(request)
    last = log.entries.order_by("-at", "-id").first()
    previous = _readable_findings(last, log.zone)
    last = last if previous is not None else None
    form = EntryForm(request.POST or None, initial=initial_from(previous, _daily_test(log)))
    at = form_moment(form, log) if request.method == "POST" and form.is_valid() else None
    if at is not None:
        data = form.cleaned_data
        findings = findings_from(data, previous)
        if last is not None:
            since_first_symptom(findings, last.at, at, log.zone)
        fields = {k: data[k] for k in MEASURE_FIELDS if k in data}
        with transaction.atomic():
            saved = once(
                request.user,
                form_key(request),
                lambda: add_entry(log, findings, at=at, **fields),
            ).first
        messages.success(request, _("Entry saved.") if saved else ALREADY_SAVED)
        return redirect("symptomlog:log")
    context = {
        "form": form,
        "last": last,
        "views": [bodymap.view_context(view) for view in bodymap.SHAPES],
        "pain_selected": form["pain_spots"].value() or [],
        "feeling_selected": form["feeling_spots"].value() or [],
    }
    return render(request, "symptomlog/entry_form.html", context)


@login_required
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Entry, pk=pk, log__owner=request.user)
    names = {t.id: t.name for t in load_knowledge().home_tests.values()}
    # An unreadable entry shows no findings rather than an error.
    findings = _readable_findings(entry, entry.log.zone) or {}
    tests = [
        (names.get(f["test"], f["test"]), f.get("left", "—"), f.get("right", "—"))
        for f in findings.get("function", [])
    ]
    spots = {
        key: [place(s["region"], s.get("side")) for s in findings.get(key, [])]
        for key in ("pain", "sensory")
    }
    return render(
        request, "symptomlog/entry.html", {"entry": entry, "tests": tests, "spots": spots}
    )


@login_required
@require_POST
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Entry, pk=pk, log__owner=request.user)
    delete_entry(entry)
    messages.success(request, _("Entry deleted."))
    return redirect("symptomlog:log")


def form_moment(form: EntryForm, log: Log) -> datetime | None:
    """The entry's own time from the form, or None with the error put on the form."""
    data = form.cleaned_data
    try:
        moment = entry_moment(data["when_day"], data["when_time"], timezone.now(), log.zone)
    except EntryTimeError as error:
        form.add_error(error.field, WHEN_ERRORS[error.field])
        return None
    # A warning sign may go in an earlier entry: the log screens every entry of its
    # last 14 days, so a later entry cannot hide it. But one dated before a
    # clinician-seen record would count as seen without the clinician having heard.
    if data["new_flags"] and log.clinician_seen.filter(at__gte=moment).exists():
        form.add_error("when_day", WHEN_ERRORS["warning"])
        return None
    return moment


def since_first_symptom(
    findings: dict[str, Any], previous_at: datetime, at: datetime, zone: ZoneInfo
) -> None:
    """The days since onset carried from the previous entry, counted to this entry's
    own date: every entry then names the same first symptom date, one typed later for
    yesterday included (issue 27)."""
    days = findings.get("days_since_onset")
    if isinstance(days, int) and not isinstance(days, bool):
        moved = (at.astimezone(zone).date() - previous_at.astimezone(zone).date()).days
        findings["days_since_onset"] = max(0, days + moved)


def weekly_due(log: Log) -> bool:
    from radiculog.web.symptomlog.questionnaire import due

    return due(log)


def _readable_findings(entry: Entry | None, zone: ZoneInfo) -> dict[str, Any] | None:
    """The entry's findings (to show, or carry over into the next), if it can be read."""
    if entry is None or read_entries([entry], zone).unreadable:
        return None
    return without_nulls(entry.findings)


def _daily_test(log: Log) -> str | None:
    """The one function test the engine suggests checking daily for this picture."""
    assessment = current_assessment(log)
    card = (assessment or {}).get("decision_card") or {}
    test = (card.get("daily_check") or {}).get("test")
    return str(test) if test else None


def start(request: HttpRequest) -> HttpResponse:
    """From the result page: signed in, the check becomes an entry; else sign up."""
    if not request.user.is_authenticated:
        return redirect("accounts:signup")
    if request.method != "POST":
        return render(request, "symptomlog/start.html", {"has_check": _session_check(request)})
    findings = _session_check(request)
    if findings:
        log = log_of(request)
        once(request.user, form_key(request), lambda: carry_over(request, log, findings))
        messages.success(request, _("Your check is now an entry of your log."))
    return redirect("symptomlog:log")


CARRIED = "symptomlog:carried"


def carry_over(request: HttpRequest, log: Log, findings: dict[str, Any]) -> bool:
    """Add the session's check to the log once: pressing the button again, or
    signing up after it, does not add the same check twice."""
    if request.session.get(CARRIED) == findings:
        return False
    add_entry(log, findings, at=timezone.now())
    request.session[CARRIED] = findings
    return True


def _session_check(request: HttpRequest) -> dict[str, Any] | None:
    """The findings of the self-check done in this session, if any."""
    try:
        from radiculog.web.selfcheck import session
    except ImportError:  # the self-check pages are not installed
        return None
    if not session.has_state(request):
        return None
    return dict(session.findings_from_session(request))
