"""What a person sees when django-axes pauses their sign-in: the login page again,
with a plain reason, and HTTP 429 so scripts can tell."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def locked_out(request: HttpRequest, response: HttpResponse, credentials: Any) -> HttpResponse:
    form = AuthenticationForm(request, data=None)
    form.initial["username"] = (credentials or {}).get("username", "")
    context = {
        "form": form,
        "locked_out": _("Too many tries. For your safety, wait 15 minutes and try again."),
    }
    return render(request, "accounts/login.html", context, status=429)
