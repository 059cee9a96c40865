from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_TEXT = 50_000


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("The words of your scan report"),
        help_text=_("Copy the text of your MRI or CT report and paste it here."),
        max_length=MAX_TEXT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "report-text"}),
        error_messages={"required": _("Paste the text of your report first.")},
    )
    age = forms.IntegerField(
        label=_("Your age in years (optional)"),
        help_text=_("Used to show how common each finding is in people with no back pain."),
        required=False,
        min_value=1,
        max_value=119,
    )
    compare = forms.BooleanField(
        label=_("Compare the report with my self-check answers"),
        required=False,
        initial=True,
    )
