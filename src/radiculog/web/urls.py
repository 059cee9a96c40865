"""Top-level URLs. Apps add one `path(...)` line each."""

from __future__ import annotations

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

from radiculog.web import views
from radiculog.web.api.views import api

urlpatterns = [
    path("", views.home, name="home"),
    path("check/", include("radiculog.web.selfcheck.urls")),
    path("api/v1/", api.urls),
    path("accounts/", include("radiculog.web.accounts.urls")),
    path("log/", include("radiculog.web.symptomlog.urls")),
    path("report/", include("radiculog.web.reports.urls")),
    path("imaging/", include("radiculog.web.imaging.urls")),
]

if settings.SERVE_STATIC:
    # Without a front web server, let Django serve `collectstatic` output itself.
    urlpatterns.append(
        re_path(r"^static/(?P<path>.*)$", serve, {"document_root": settings.STATIC_ROOT})
    )
