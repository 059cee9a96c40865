"""The site's URLs without the symptom-log app, for the result page's optional link."""

from __future__ import annotations

from radiculog.web.urls import urlpatterns as site_urls

urlpatterns = [p for p in site_urls if getattr(p, "namespace", None) != "symptomlog"]
