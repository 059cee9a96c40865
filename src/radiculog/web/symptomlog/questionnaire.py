"""The weekly Roland-Morris Disability Questionnaire page.

The questionnaire's own rule is that an unticked sentence does not describe the
person today. So that a page sent by mistake is not read as "no disability",
saving with nothing ticked needs "none of these describes me today" ticked.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radiculog.summary.outcomes import rmdq, rmdq_every_days, rmdq_score
from radiculog.web.symptomlog.models import Log, Questionnaire
from radiculog.web.symptomlog.views import log_of
from radiculog.web.writes.once import form_key, once


class RmdqForm(forms.Form):
    ticked = forms.TypedMultipleChoiceField(
        coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    none = forms.BooleanField(
        label=gettext_lazy("None of these sentences describes me today"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        items = rmdq()["items"]  # the validated English wording, not translated
        self.fields["ticked"].choices = [(n, text) for n, text in enumerate(items, 1)]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("ticked") and data.get("none"):
            self.add_error("none", _("You ticked sentences and also “none of these”."))
        elif not data.get("ticked") and not data.get("none"):
            self.add_error("none", _("Tick each sentence that describes you today, or “none”."))
        return data


def due(log: Log, now: datetime | None = None) -> bool:
    """Offered once a week: when no questionnaire was filled in the last 7 days."""
    now = now or timezone.now()
    since = now - timedelta(days=rmdq_every_days())
    return not log.questionnaires.filter(at__gt=since).exists()


def scores(log: Log) -> list[tuple[datetime, int]]:
    zone = log.zone
    return [(q.at.astimezone(zone), q.score) for q in log.questionnaires.all()]


@login_required
def questionnaire(request: HttpRequest) -> HttpResponse:
    log = log_of(request)
    form = RmdqForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ticked = sorted(form.cleaned_data["ticked"])
        once(
            request.user,
            form_key(request),
            lambda: Questionnaire.objects.create(log=log, ticked=ticked),
        )
        score = rmdq_score(ticked)
        messages.success(request, _("Saved. Your score this week: %(n)d of 24.") % {"n": score})
        return redirect("symptomlog:log")
    context = {"form": form, "instructions": rmdq()["instructions"], "history": scores(log)}
    return render(request, "symptomlog/questionnaire.html", context)
