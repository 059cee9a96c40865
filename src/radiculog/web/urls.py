"""Top-level URLs. Apps add one `path(...)` line each."""

from __future__ import annotations

from django.urls import include, path

from radiculog.web import views
from radiculog.web.api.views import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("check/", include("radiculog.web.selfcheck.urls")),
    path("api/v1/", api.urls),
    path("accounts/", include("radiculog.web.accounts.urls")),
    path("log/", include("radiculog.web.symptomlog.urls")),
    path("report/", include("radiculog.web.reports.urls")),
    path("imaging/", include("radiculog.web.imaging.urls")),
]

handler400 = "radiculog.web.errorpages.bad_request"
handler403 = "radiculog.web.errorpages.forbidden"
handler404 = "radiculog.web.errorpages.not_found"
handler500 = "radiculog.web.errorpages.server_error"
