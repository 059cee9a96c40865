from __future__ import annotations

from django.urls import path

from radiculog.web.symptomlog import transfer, views

app_name = "symptomlog"
urlpatterns = [
    path("", views.log_page, name="log"),
    path("start/", views.start, name="start"),
    path("new/", views.new_entry, name="new"),
    path("entries/<int:pk>/", views.entry_detail, name="entry"),
    path("entries/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("export/log.json", transfer.export_json, name="export_json"),
    path("export/log.csv", transfer.export_csv, name="export_csv"),
    path("export/fhir.json", transfer.export_fhir, name="export_fhir"),
    path("import/", transfer.import_log, name="import"),
    path("reminders/", transfer.reminders, name="reminders"),
]
