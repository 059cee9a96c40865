"""Sign up (carrying over the check just done), log in, log out, delete account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from radiculog.web.accounts.forms import DeleteAccountForm, SignupForm, ThrottledLoginForm
from radiculog.web.symptomlog.models import Log
from radiculog.web.symptomlog.views import _session_check, carry_over


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("symptomlog:log")
    check = _session_check(request)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            log = Log.objects.create(owner=user, timezone=form.cleaned_data["tz"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if check:
            carry_over(request, log, check)  # after login: login() renews the session
        if check:
            messages.success(
                request, _("Your log is ready. The check you just did is its first entry.")
            )
        return redirect("symptomlog:log")
    return render(request, "accounts/signup.html", {"form": form, "has_check": bool(check)})


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user.delete()  # cascades to the log, entries, prep list and share links
        messages.success(request, _("Your account and everything in it have been deleted."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})
