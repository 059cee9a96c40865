from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

START = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)


def entry(
    n: int,
    *,
    toe: tuple[object, object] | None = None,
    notes: str = "",
    sensory: list[dict[str, Any]] | None = None,
    pain: list[dict[str, Any]] | None = None,
    triggers: str = "",
    easers: str = "",
) -> dict[str, Any]:
    """The n-th twice-daily entry of a log starting at START."""
    findings: dict[str, Any] = {"schema": "radiculog/findings@1"}
    if toe is not None:
        findings["function"] = [{"test": "toe_lift", "left": toe[0], "right": toe[1]}]
    if notes:
        findings["notes"] = notes
    if sensory is not None:
        findings["sensory"] = sensory
    if pain is not None:
        findings["pain"] = pain
    item: dict[str, Any] = {
        "at": (START + timedelta(hours=12 * n)).isoformat(),
        "findings": findings,
    }
    if triggers:
        item["triggers"] = triggers
    if easers:
        item["easers"] = easers
    return item


@pytest.fixture
def make_entry() -> Any:
    return entry


def as_log(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "radiculog/log@1", "entries": list(entries)}


@pytest.fixture
def make_log() -> Any:
    return as_log
