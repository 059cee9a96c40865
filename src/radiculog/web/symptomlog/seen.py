"""'A clinician has seen me about it': one button on the log page. Warning signs
reported before it stop holding the log's result (the engine's log@2 rule)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radiculog.exports.log_json import ImportedSeen
from radiculog.web.symptomlog.models import ClinicianSeen, Log
from radiculog.web.writes.once import form_key, once

FINDINGS2 = "radiculog/findings@2"


def seen_times(log: Log) -> list[datetime]:
    """When a clinician saw the person (the engine's ``seen`` argument), oldest first."""
    return [r.at for r in log.clinician_seen.all()] if log.pk else []


LOG2 = "radiculog/log@2"


def with_seen(log: Log, doc: dict[str, Any]) -> dict[str, Any]:
    """The log document as log@2 with its clinician-seen records, when it has any;
    log@2 too when an entry is a findings@2 document (log@1 entries are findings@1
    only); log@1 otherwise, so readers of log@1 keep working."""
    records = list(log.clinician_seen.all()) if log.pk else []
    if not records:
        return {**doc, "schema": LOG2} if _has_findings2(doc) else doc
    seen = [
        {"at": r.at.astimezone(log.zone).isoformat(), **({"note": r.note} if r.note else {})}
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
    new = [ClinicianSeen(log=log, at=s.at, note=s.note) for s in items if s.at not in have]
    ClinicianSeen.objects.bulk_create(new)
    return len(new)


@login_required
@require_POST
def record_seen(request: HttpRequest) -> HttpResponse:
    log, _created = Log.objects.get_or_create(owner=request.user)  # type: ignore[misc]
    note = request.POST.get("note", "")[:1000]
    once(
        request.user,
        form_key(request),
        lambda: ClinicianSeen.objects.create(log=log, at=timezone.now(), note=note),
    )
    messages.success(
        request,
        _(
            "Recorded: a clinician has seen you. Warning signs from before now no longer "
            "hold your log's result. If one comes back, add an entry: the log will tell you."
        ),
    )
    return redirect("symptomlog:log")
