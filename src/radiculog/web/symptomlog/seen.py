"""'A clinician has seen me about it': one button on the log page, with the warning
signs the log shows at that moment to tick (all ticked at first): the record releases
the ticked ones, reported before it (the engine's rule, engine/log_visits.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radiculog.engine.log_visits import Visit, base
from radiculog.exports.log_json import ImportedSeen
from radiculog.web.symptomlog.models import ClinicianSeen, Log
from radiculog.web.writes.once import form_key, once

FINDINGS2 = "radiculog/findings@2"


def seen_times(log: Log) -> list[Visit]:
    """The clinician-seen records as the engine reads them (its ``seen``), oldest first."""
    return [_visit(r) for r in log.clinician_seen.all()] if log.pk else []


def _visit(record: ClinicianSeen) -> Visit:
    signs = record.signs if isinstance(record.signs, list) else None
    return Visit(record.at, None if signs is None else frozenset(map(str, signs)))


NOT_SIGNS = frozenset({"no_warning_signs", "screening_incomplete"})


def shown_signs(assessment: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(sign id, text) of each warning sign the log shows now: what a clinician-seen
    record can release, offered to tick."""
    found: dict[str, str] = {}
    for reason in (assessment or {}).get("urgency", {}).get("reasons", []):
        if reason.get("id") not in NOT_SIGNS and reason.get("tier") != "watchful":
            found.setdefault(base(str(reason["id"])), str(reason.get("text", "")))
    return list(found.items())


LOG2 = "radiculog/log@2"


def with_seen(log: Log, doc: dict[str, Any]) -> dict[str, Any]:
    """The log document as log@2 with its clinician-seen records, when it has any;
    log@2 too when an entry is a findings@2 document (log@1 entries are findings@1
    only); log@1 otherwise, so readers of log@1 keep working."""
    records = list(log.clinician_seen.all()) if log.pk else []
    if not records:
        return {**doc, "schema": LOG2} if _has_findings2(doc) else doc
    seen = [
        {
            "at": r.at.astimezone(log.zone).isoformat(),
            **({"note": r.note} if r.note else {}),
            **({"signs": list(r.signs)} if isinstance(r.signs, list) else {}),
        }
        for r in records
    ]
    return {**doc, "schema": LOG2, "clinician_seen": seen}


def outgoing_document(log: Log) -> dict[str, Any]:
    """The log as it leaves (the JSON export and ``GET /api/v1/log`` alike)."""
    return with_seen(log, log.to_doc())


def _has_findings2(doc: dict[str, Any]) -> bool:
    return any(e["findings"].get("schema") == FINDINGS2 for e in doc["entries"])


def import_seen(log: Log, items: list[ImportedSeen]) -> int:
    """Add imported clinician-seen records, skipping any at a moment the log already
    has. Added before the entries, so their tiers read them. Returns how many."""
    have = set(log.clinician_seen.values_list("at", flat=True))
    new = [
        ClinicianSeen(log=log, at=s.at, note=s.note, signs=s.signs)
        for s in items
        if s.at not in have
    ]
    ClinicianSeen.objects.bulk_create(new)
    return len(new)


@login_required
@require_POST
def record_seen(request: HttpRequest) -> HttpResponse:
    from radiculog.web.symptomlog.writing import current_assessment

    log, _created = Log.objects.get_or_create(owner=request.user)  # type: ignore[misc]
    shown = [sign for sign, _text in shown_signs(current_assessment(log))]
    signs = chosen_signs(request, shown)
    if signs is None:
        messages.error(request, _("Tick the warning signs the clinician saw you about."))
        return redirect("symptomlog:log")
    note = request.POST.get("note", "")[:1000]
    once(
        request.user,
        form_key(request),
        lambda: ClinicianSeen.objects.create(log=log, at=timezone.now(), note=note, signs=signs),
    )
    messages.success(
        request,
        _(
            "Recorded: a clinician has seen you about the signs you ticked. They no longer "
            "hold your log's result. If one comes back, add an entry: the log will tell you."
        ),
    )
    return redirect("symptomlog:log")


def chosen_signs(request: HttpRequest, shown: list[str]) -> list[str] | None:
    """The ticked signs among those shown now; all of them when the form offered none
    (an older page); None when it offered some and none was ticked."""
    if not request.POST.get("signs_offered"):
        return shown
    ticked = [s for s in request.POST.getlist("signs") if s in shown]
    return ticked or None
