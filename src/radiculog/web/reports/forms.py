"""The prep-list form: a flat form that maps onto radiculog.summary.prep.PrepList."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radiculog.engine.services import services
from radiculog.summary.prep import (
    Insurance,
    Medication,
    PrepList,
    WorkDemands,
    asks_about_insurance_plan,
    suggested_questions,
)
from radiculog.web import limits

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

MED_ROWS = 4
NETWORK_CHOICES = [("", _("Not known yet")), ("yes", _("Yes")), ("no", _("No"))]


def _text(label: StrOrPromise, rows: int = 0) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label, required=False, max_length=4000 if rows else 200, widget=widget
    )


class PrepForm(forms.Form):
    imaging_text = _text(_("Imaging report (paste the text of the MRI or CT report)"), rows=6)
    sitting_hours = forms.DecimalField(
        label=_("Hours sitting on a working day"),
        required=False,
        min_value=0,
        max_value=24,
        decimal_places=1,
    )
    lifting = _text(_("Lifting at work (what, how heavy)"))
    driving = _text(_("Driving (how long each day)"))
    stairs = _text(_("Stairs (how many flights)"))
    copay = _text(_("Copay per visit"))
    deductible = _text(_("Deductible left this year"))
    in_network_physio = forms.ChoiceField(
        label=_("Is physiotherapy in your insurer's network?"),
        choices=NETWORK_CHOICES,
        required=False,
    )
    questions = _text(_("Your questions for the clinic (one per line)"), rows=5)
    # The version the form was opened at (writes/versions.py): a stale save is refused.
    version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    suggested = forms.MultipleChoiceField(
        label=_("Questions other people ask: tick any you want on your list"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = services().region
        self.insurance_plan = asks_about_insurance_plan(region)
        if not self.insurance_plan:  # copay, deductible, in-network: US terms only
            for name in ("copay", "deductible", "in_network_physio"):
                del self.fields[name]
        self.fields["suggested"].choices = [(q, q) for q in suggested_questions(region)]  # type: ignore[attr-defined]
        for n in range(MED_ROWS):
            self.fields[f"med_{n}_name"] = _text(_("Medicine %(n)d: name") % {"n": n + 1})
            self.fields[f"med_{n}_dose"] = _text(_("Dose and how often"))
            self.fields[f"med_{n}_helped"] = _text(_("What it did for you"))

    def med_rows(self) -> list[list[forms.BoundField]]:
        return [[self[f"med_{n}_{k}"] for k in ("name", "dose", "helped")] for n in range(MED_ROWS)]

    def to_prep(self) -> PrepList:
        d = self.cleaned_data
        meds = tuple(
            Medication(d[f"med_{n}_name"], d[f"med_{n}_dose"], d[f"med_{n}_helped"])
            for n in range(MED_ROWS)
            if d[f"med_{n}_name"].strip()
        )
        hours = d["sitting_hours"]
        work = WorkDemands(
            float(hours) if hours is not None else None, d["lifting"], d["driving"], d["stairs"]
        )
        network = {"yes": True, "no": False}.get(d.get("in_network_physio", ""))
        own = [q.strip() for q in d["questions"].splitlines() if q.strip()]
        picked = [q for q in d["suggested"] if q not in own]
        questions = tuple(own + picked)
        insurance = Insurance(d.get("copay", ""), d.get("deductible", ""), network)
        return PrepList(d["imaging_text"], meds, work, insurance, questions)


def initial_of(prep: PrepList) -> dict[str, Any]:
    answer = prep.insurance.in_network_physio
    network = "" if answer is None else ("yes" if answer else "no")
    initial: dict[str, Any] = {
        "imaging_text": prep.imaging_text,
        "sitting_hours": prep.work.sitting_hours,
        "lifting": prep.work.lifting,
        "driving": prep.work.driving,
        "stairs": prep.work.stairs,
        "copay": prep.insurance.copay,
        "deductible": prep.insurance.deductible,
        "in_network_physio": network,
        "questions": "\n".join(prep.questions),
    }
    for n, med in enumerate(prep.medications[:MED_ROWS]):
        initial.update(
            {f"med_{n}_name": med.name, f"med_{n}_dose": med.dose, f"med_{n}_helped": med.helped}
        )
    return initial


class ShareForm(forms.Form):
    label = forms.CharField(
        label=_("Who is it for? (only you see this)"),
        required=False,
        max_length=limits.SHARE_LABEL_CHARS,  # its column's width, not _text's 200
    )
    days = forms.IntegerField(
        label=_("Link works for (days)"), min_value=1, max_value=90, initial=14
    )
