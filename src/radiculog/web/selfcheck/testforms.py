"""The one strength-test page: every home test on both sides, and the clinician's
findings, in one form. The page shows up to three tests suggested by what the
person already said and folds the rest away; all are optional."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radiculog.web.selfcheck.forms import FUNCTION_CHOICES, REPS_ERRORS, ClinicianForm
from radiculog.web.selfcheck.steps import TEST_ORDER

SIDES = ("left", "right")


class TestsForm(ClinicianForm):
    """Per test and side: a count of reps done well, or normal / weaker / unable; never both."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for test in TEST_ORDER:
            for side in SIDES:
                self.fields[f"{test}:{side}_reps"] = forms.IntegerField(
                    label=_("How many done well?"),
                    required=False,
                    min_value=0,
                    max_value=200,
                    error_messages=REPS_ERRORS,
                )
                self.fields[f"{test}:{side}_choice"] = forms.ChoiceField(
                    choices=FUNCTION_CHOICES, required=False, widget=forms.RadioSelect
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for test in TEST_ORDER:
            for side in SIDES:
                if data.get(f"{test}:{side}_reps") is not None and data.get(
                    f"{test}:{side}_choice"
                ):
                    self.add_error(f"{test}:{side}_reps", _("Give a count or a choice, not both."))
        return data

    def side_value(self, test: str, side: str) -> int | str | None:
        reps = self.cleaned_data.get(f"{test}:{side}_reps")
        if reps is not None:
            return int(reps)
        return self.cleaned_data.get(f"{test}:{side}_choice") or None

    def function(self) -> dict[str, dict[str, int | str | None]]:
        return {t: {s: self.side_value(t, s) for s in SIDES} for t in TEST_ORDER}

    def clinician(self, prefix: str) -> dict[str, str]:
        data = self.cleaned_data
        return {k.removeprefix(prefix): v for k, v in data.items() if k.startswith(prefix) and v}
