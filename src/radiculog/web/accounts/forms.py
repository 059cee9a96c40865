from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from radiculog.web.accounts.wording import LOGIN, SIGNUP, plain_words
from radiculog.web.limits import USERNAME_CHARS


class SignupForm(UserCreationForm):  # type: ignore[type-arg]
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        help_text=_(
            "Used only to send you a link if you forget your password. "
            "Without it, a lost password means a lost log."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Filled in by the browser (symptomlog/timezone.js); UTC without JavaScript.
    tz = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_words(self, SIGNUP)

    def taken_message(self) -> str:
        """What the form says of a name already in use, for the same name taken in a race."""
        return str(self.instance.unique_error_message(type(self.instance), ("username",)).message)

    def clean_tz(self) -> str:
        name = str(self.cleaned_data.get("tz") or "")
        return name if name in available_timezones() else "UTC"


class PlainLoginForm(AuthenticationForm):
    """Django's login form in plain words (django-axes counts the failures)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That name and password do not match a log. Check both and try again."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_words(self, LOGIN)
        # Django sets only the widget's maxlength here: without the validator a name of
        # any length reached authenticate() and django-axes' 255-character column (a 500
        # on PostgreSQL). Past the limit, it is a form error like at sign-up.
        self.fields["username"].validators.append(MaxLengthValidator(USERNAME_CHARS))


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
