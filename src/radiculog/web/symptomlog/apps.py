from __future__ import annotations

from django.apps import AppConfig


class SymptomlogConfig(AppConfig):
    name = "radiculog.web.symptomlog"
    label = "symptomlog"
    default_auto_field = "django.db.models.BigAutoField"
