"""Sign up (carrying over the check just done), log in, log out, delete account.

Password reset uses Django's own views (accounts/urls.py)."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.sessions.models import Session
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radiculog.web.accounts.forms import DeleteAccountForm, SignupForm
from radiculog.web.accounts.models import SignedInSession
from radiculog.web.accounts.throttle import TOO_MANY, signup_allowed
from radiculog.web.symptomlog.models import Log
from radiculog.web.symptomlog.views import _session_check, carry_over


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("symptomlog:log")
    check = _session_check(request)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and not signup_allowed(request):
        form.add_error(None, TOO_MANY)
        context = {"form": form, "has_check": bool(check)}
        return render(request, "accounts/signup.html", context, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
                log = Log.objects.create(owner=user, timezone=form.cleaned_data["tz"])
        except IntegrityError:  # the same name signed up a moment ago, in another request
            form.add_error("username", form.taken_message())
            return render(request, "accounts/signup.html", {"form": form, "has_check": bool(check)})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if check:
            carry_over(request, log, check)  # after login: login() renews the session
        if check:
            messages.success(
                request, _("Your log is ready. The check you just did is its first entry.")
            )
        if not user.email:
            messages.warning(request, NO_EMAIL_WARNING)
        return redirect("symptomlog:log")
    return render(request, "accounts/signup.html", {"form": form, "has_check": bool(check)})


NO_EMAIL_WARNING = gettext_lazy(
    "You gave no email address. If you forget your password, nobody can get your log "
    "back for you. Keep your password somewhere safe."
)


def _end_everything_signed_in(user: Any) -> None:
    """The person's sessions on other devices and their failed-login counts go too."""
    keys = SignedInSession.objects.filter(user=user).values_list("session_key", flat=True)
    Session.objects.filter(session_key__in=list(keys)).delete()
    AccessAttempt.objects.filter(username=user.get_username()).delete()


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        with transaction.atomic():
            _end_everything_signed_in(user)
            user.delete()  # cascades to the log, entries, prep list and share links
        messages.success(request, _("Your account and everything in it have been deleted."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})
