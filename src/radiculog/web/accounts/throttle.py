"""Sign-up throttling: at most limits.SIGNUPS_PER_HOUR sign-up attempts an hour from
one client address, counted in the shared database cache (every worker and host sees
the same count). It bounds how fast anyone can create accounts, or try names to find
which exist (a name already in use has to be refused to the person choosing it)."""

from __future__ import annotations

import hashlib

from axes.helpers import get_client_ip_address
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from radiculog.web.limits import SIGNUPS_PER_HOUR

TOO_MANY = _("Too many sign-ups from this address in the last hour. Please try again later.")


def signup_allowed(request: HttpRequest) -> bool:
    """Count this attempt; False once the address is past the hour's limit."""
    address = get_client_ip_address(request) or "unknown"
    key = "signup-attempts:" + hashlib.sha256(address.encode()).hexdigest()  # no address kept
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= SIGNUPS_PER_HOUR
