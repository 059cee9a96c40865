"""Plain words for the sign-up and log-in forms, in place of Django's stock
labels and help ("Required. 150 characters or fewer. Letters, digits and
@/./+/-/_ only.", a list of password rules in validator language)."""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

SIGNUP = {
    "username": (
        _("A name for your log"),
        _("Not your real name. Letters, numbers and . @ + - _ only."),
    ),
    "password1": (
        _("Choose a password"),
        _("At least 8 characters. Not only numbers, not a common password, not like your name."),
    ),
    "password2": (_("Type the password again"), ""),
}
LOGIN = {
    "username": (_("The name of your log"), ""),
    "password": (_("Password"), ""),
}


def plain_words(form: forms.BaseForm, words: Mapping[str, tuple[object, object]]) -> None:
    for name, (label, help_text) in words.items():
        if name in form.fields:
            form.fields[name].label = label  # type: ignore[assignment]
            form.fields[name].help_text = help_text  # type: ignore[assignment]
