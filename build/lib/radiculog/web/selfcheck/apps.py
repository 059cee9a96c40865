from __future__ import annotations

from django.apps import AppConfig


class SelfcheckConfig(AppConfig):
    name = "radiculog.web.selfcheck"
    label = "selfcheck"
    default_auto_field = "django.db.models.BigAutoField"
