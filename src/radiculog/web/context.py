"""Template context every page gets."""

from __future__ import annotations

from django.http import HttpRequest

from radiculog.engine.knowledge import load_knowledge
from radiculog.engine.services import Services


def services(request: HttpRequest) -> dict[str, Services]:
    """The deployment region's emergency number and services, so every page names
    the same ones as the engine's sentences."""
    return {"services": load_knowledge().services}
