from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from radiculog.web.accounts import throttle
from radiculog.web.accounts.wording import LOGIN, SIGNUP, plain_words


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    # Filled in by the browser (symptomlog/timezone.js); UTC without JavaScript.
    tz = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_words(self, SIGNUP)

    def clean_tz(self) -> str:
        name = str(self.cleaned_data.get("tz") or "")
        return name if name in available_timezones() else "UTC"


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many tries. For your safety, wait 15 minutes and try again."),
        "invalid_login": _("That name and password do not match a log. Check both and try again."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_words(self, LOGIN)

    def clean(self) -> dict[str, Any]:
        request: HttpRequest | None = self.request
        username = str(self.data.get("username", ""))
        if request is not None and throttle.is_blocked(request, username):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            data: dict[str, Any] = super().clean()
        except forms.ValidationError:
            if request is not None:
                throttle.record_failure(request, username)
            raise
        if request is not None:
            throttle.clear(request, username)
        return data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password
