"""Saving the prep list without overwriting a newer save from another tab."""

from __future__ import annotations

from django.db import transaction

from radiculog.web.reports.forms import PrepForm
from radiculog.web.reports.models import Prep
from radiculog.web.symptomlog.models import Log
from radiculog.web.writes.versions import STALE_MESSAGE, is_stale, version_of


def save_prep(log: Log, form: PrepForm) -> bool:
    """Save the form's list, or refuse (False, the reason on the form) when the list was
    saved elsewhere after this form was opened. The refused form keeps what was typed
    and now carries the newer version, so saving it again is a deliberate replace."""
    sent = form.cleaned_data.get("version") or ""
    with transaction.atomic():
        # One save at a time per log, so two tabs cannot both pass the check.
        Log.objects.select_for_update().filter(pk=log.pk).exists()
        current = Prep.objects.filter(log=log).values_list("updated", flat=True).first()
        if sent and is_stale(current, sent):
            form.add_error(None, STALE_MESSAGE)
            data = form.data.copy()  # type: ignore[attr-defined]
            data["version"] = version_of(current)  # a QueryDict copy: keeps the ticked lists
            form.data = data
            return False
        Prep.objects.update_or_create(log=log, defaults={"data": form.to_prep().to_dict()})
    return True
