"""Which sessions belong to which signed-in person, so deleting an account can end
its sessions on other devices (Django's database sessions cannot be searched by user)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SignedInSession(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, unique=True)

    def __str__(self) -> str:
        return f"session of user {self.user_id}"
