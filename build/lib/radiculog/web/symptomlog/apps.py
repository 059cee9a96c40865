from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def _reset_timezone(**_kwargs: Any) -> None:
    """Log pages activate the person's time zone (views.log_of); never let it
    leak into the next request served by the same thread."""
    from django.utils import timezone

    timezone.deactivate()


class SymptomlogConfig(AppConfig):
    name = "radiculog.web.symptomlog"
    label = "symptomlog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        request_started.connect(_reset_timezone, dispatch_uid="symptomlog-tz-start")
        request_finished.connect(_reset_timezone, dispatch_uid="symptomlog-tz-end")
