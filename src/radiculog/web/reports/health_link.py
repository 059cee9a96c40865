"""The manifest of a share link's SMART Health Link (issue 25; exports/health_link.py).

POST with `{"recipient": "..."}` answers the manifest with the log's FHIR Bundle
encrypted for the link's key. A switched-off, expired or unknown link gets 404, as
the IG asks; each opening is recorded for the owner like any other.
"""

from __future__ import annotations

import json
from datetime import datetime

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from radiculog.exports.fhir import log_to_bundle
from radiculog.exports.health_link import link_key, manifest, shlink
from radiculog.web.reports.models import ShareLink, ShareOpening


def health_link(request: HttpRequest, token: str, expires: datetime, viewer_url: str) -> str:
    """The viewer url with the SMART Health Link after `#` (the QR code carries it):
    a browser shows the report, a SMART Health Links app reads the payload."""
    url = request.build_absolute_uri(reverse("reports:shl_manifest", args=[token]))
    return f"{viewer_url}#{shlink(url, link_key(token), expires)}"


def _recipient(request: HttpRequest) -> str | None:
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    recipient = body.get("recipient") if isinstance(body, dict) else None
    return recipient if isinstance(recipient, str) and recipient.strip() else None


@csrf_exempt  # a receiving app posts from outside; the token in the url is the credential
@require_POST
def shl_manifest(request: HttpRequest, token: str) -> HttpResponse:
    link = ShareLink.for_token(token)
    if link is None or not link.is_active():
        return JsonResponse(
            {"error": "no such link, or it was switched off or has expired"}, status=404
        )
    recipient = _recipient(request)
    if recipient is None:
        return JsonResponse(
            {"error": 'the body must be {"recipient": "who is asking"}'}, status=400
        )
    ShareOpening.objects.create(link=link, what="shl", user_agent=recipient[:200])
    log = link.log
    weekly = [(q.at.astimezone(log.zone).isoformat(), q.ticked) for q in log.questionnaires.all()]
    bundle = log_to_bundle({"entries": log.readable_items()}, questionnaires=weekly)
    response = JsonResponse(manifest(bundle, link_key(token)))
    response["Cache-Control"] = "no-store"
    return response
