"""A URL configuration without the symptom-log app, for the result page's optional link."""

from __future__ import annotations

from django.urls import include, path

from radiculog.web import views
from radiculog.web.api.views import api

urlpatterns = [
    path("", views.home, name="home"),
    path("check/", include("radiculog.web.selfcheck.urls")),
    path("api/v1/", api.urls),
]
