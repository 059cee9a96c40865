from __future__ import annotations

from django.apps import AppConfig


class WritesConfig(AppConfig):
    name = "radiculog.web.writes"
    label = "writes"
    default_auto_field = "django.db.models.BigAutoField"
