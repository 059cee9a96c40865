"""Server-side validation for each kind of step; messages appear beside the field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from radiculog.web.selfcheck import bodymap, wording

YES_NO_UNSURE = [("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))]
FUNCTION_CHOICES = [
    ("", _("Not done")),
    ("normal", _("Normal")),
    ("weaker", _("Weaker")),
    ("unable", _("Unable to do it")),
]
REFLEX_CHOICES = [
    ("", _("Not checked")),
    ("normal", _("Normal")),
    ("reduced", _("Reduced")),
    ("absent", _("Absent")),
    ("brisk", _("Brisk")),
]
PROVOCATION_CHOICES = [
    ("", _("Not done")),
    ("positive", _("Positive")),
    ("negative", _("Negative")),
]
REPS_ERRORS = {
    "invalid": _("Enter a whole number from 0 to 200."),
    "min_value": _("Enter a whole number from 0 to 200."),
    "max_value": _("Enter a whole number from 0 to 200."),
}
REFLEXES = ("knee", "medial_hamstring", "ankle")
PROVOCATIONS = ("straight_leg_raise", "crossed_straight_leg_raise", "femoral_stretch")


class QuestionsForm(forms.Form):
    """Yes / no / not sure for each question of one topic. A choice is required:
    leaving it blank is not "no", and "not sure" is kept as unanswered."""

    def __init__(self, question_ids: tuple[str, ...], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for qid in question_ids:
            self.fields[qid] = forms.ChoiceField(
                label=wording.question(qid),
                choices=YES_NO_UNSURE,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose yes, no or not sure.")},
            )


class AboutForm(forms.Form):
    age = forms.IntegerField(
        label=_("Your age in years"),
        required=False,
        min_value=0,
        max_value=130,
        error_messages={
            "invalid": _("Enter your age as a whole number, for example 42."),
            "min_value": _("Enter an age from 0 to 130."),
            "max_value": _("Enter an age from 0 to 130."),
        },
    )
    days_since_onset = forms.IntegerField(
        label=_("How many days ago did this episode start?"),
        required=False,
        min_value=0,
        max_value=36500,
        error_messages={
            "invalid": _("Enter a whole number of days, for example 5."),
            "min_value": _("Enter a number of days from 0 upwards."),
            "max_value": _("Enter a number of days up to 36500."),
        },
    )


class MapForm(forms.Form):
    regions = forms.MultipleChoiceField(
        choices=[(k, k) for k in bodymap.ALL_KEYS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("%(value)s is not a body map area.")},
    )


class FeelingMapForm(MapForm):
    kind = forms.ChoiceField(
        label=_("What is the changed feeling, mostly?"),
        choices=[
            ("numb", _("Numb")),
            ("tingling", _("Tingling or pins and needles")),
            ("", _("Not sure")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    repeatable = forms.ChoiceField(
        label=_("Is it the same spot each time you check?"),
        choices=[*YES_NO_UNSURE[:2], ("", _("Not sure"))],
        required=False,
        widget=forms.RadioSelect,
    )


class FunctionTestForm(forms.Form):
    """Per side: a count of reps done well, or normal / weaker / unable; never both."""

    left_reps = forms.IntegerField(
        label=_("Left leg: how many done well?"),
        required=False,
        min_value=0,
        max_value=200,
        error_messages=REPS_ERRORS,
    )
    left_choice = forms.ChoiceField(
        choices=FUNCTION_CHOICES, required=False, widget=forms.RadioSelect
    )
    right_reps = forms.IntegerField(
        label=_("Right leg: how many done well?"),
        required=False,
        min_value=0,
        max_value=200,
        error_messages=REPS_ERRORS,
    )
    right_choice = forms.ChoiceField(
        choices=FUNCTION_CHOICES, required=False, widget=forms.RadioSelect
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for side in ("left", "right"):
            if data.get(f"{side}_reps") is not None and data.get(f"{side}_choice"):
                self.add_error(f"{side}_reps", _("Give a count or a choice, not both."))
        return data

    def side_value(self, side: str) -> int | str | None:
        reps = self.cleaned_data.get(f"{side}_reps")
        return reps if reps is not None else (self.cleaned_data.get(f"{side}_choice") or None)


class ClinicianForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        k = wording.knowledge()
        for reflex in REFLEXES:
            for side in ("left", "right"):
                self.fields[f"reflex:{reflex}:{side}"] = forms.ChoiceField(
                    label=gettext(k.reflexes[reflex]), choices=REFLEX_CHOICES, required=False
                )
        for test in PROVOCATIONS:
            for side in ("left", "right"):
                self.fields[f"provocation:{test}:{side}"] = forms.ChoiceField(
                    label=gettext(k.provocation[test]), choices=PROVOCATION_CHOICES, required=False
                )
