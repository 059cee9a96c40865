from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "radiculog.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from radiculog.web.accounts import signals  # noqa: F401  (connects the receivers)
