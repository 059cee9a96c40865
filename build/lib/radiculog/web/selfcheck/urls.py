from __future__ import annotations

from django.urls import path

from radiculog.web.selfcheck import pages, views

app_name = "selfcheck"
urlpatterns = [
    path("", pages.start, name="start"),
    path("step/<slug:slug>/", views.step, name="step"),
    path("emergency/", views.emergency, name="emergency"),
    path("result/", views.result, name="result"),
    path("findings.json", views.findings_download, name="findings"),
    path("restart/", views.restart, name="restart"),
    path("l4-l5-s1/", pages.triage, name="triage"),
    path("red-flags/", pages.red_flags, name="red_flags"),
    path("tests/", pages.tests, name="tests"),
    path("tests/<slug:test_id>/", pages.test_detail, name="test"),
    path("faq/", pages.faq, name="faq"),
]
