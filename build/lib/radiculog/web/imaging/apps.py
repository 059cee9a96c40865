from __future__ import annotations

from django.apps import AppConfig


class ImagingConfig(AppConfig):
    name = "radiculog.web.imaging"
    label = "imaging"
    default_auto_field = "django.db.models.BigAutoField"
