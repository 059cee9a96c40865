"""Sign-in and sign-out hooks: a longer session for a signed-in person, and a record
of the session so it can be ended when the account is deleted."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from radiculog.web.accounts.models import SignedInSession


@receiver(user_logged_in)
def remember_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    # Anonymous checks expire after RADICULOG_SESSION_HOURS; a log is kept for days.
    session.set_expiry(settings.LOGIN_SESSION_SECONDS)
    if session.session_key is None:
        session.save()
    SignedInSession.objects.update_or_create(
        session_key=session.session_key, defaults={"user": user}
    )


@receiver(user_logged_out)
def forget_session(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        SignedInSession.objects.filter(session_key=key).delete()
