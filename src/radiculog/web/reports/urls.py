from __future__ import annotations

from django.urls import path

from radiculog.web.reports import views
from radiculog.web.reports.health_link import shl_manifest

app_name = "reports"
urlpatterns = [
    path("", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="pdf"),
    path("prep/", views.prep, name="prep"),
    path("share/", views.shares, name="shares"),
    path("share/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("shared/<str:token>/report.pdf", views.shared_pdf, name="shared_pdf"),
    path("shared/<str:token>/shl-manifest.json", shl_manifest, name="shl_manifest"),
]
