"""Shared fixtures: the contract (the repository's own copy), and findings builders."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from radiculog.engine.services import use_region

REPO = Path(__file__).resolve().parents[1]
# The tests read the repository's own copy of the contract, so a clone with
# nothing beside it tests fully; tests/contract/test_schemas.py compares the copy
# with the team's shared folder when that folder is there.
CONTRACT = REPO / "tests" / "contract" / "copy"
SHARED_CONTRACT = REPO.parent / "shared" / "contract"


def contract_examples() -> list[Path]:
    return sorted((CONTRACT / "examples").glob("*.json"))


def load_example(name: str) -> dict[str, Any]:
    return json.loads((CONTRACT / "examples" / name).read_text())  # type: ignore[no-any-return]


SAFETY_NO = {
    "bladder_change": False,
    "bowel_change": False,
    "saddle_numbness": False,
    "sexual_function_change": False,
    "both_legs": False,
    "weakness_worsening_rapidly": False,
    "major_trauma": False,
    "weakness_new": False,
    "foot_drop_new": False,
    "weakness_progressive": False,
    "fever": False,
    "severe_unrelenting_pain": False,
    "cancer_history": False,
    "unexplained_weight_loss": False,
    "immunosuppressed_or_iv_drug_use": False,
    "sleep_disrupted": False,
    "repeated_falls": False,
    "numbness_with_function_limits": False,
    "can_walk_short_distances": True,
}


def findings(**parts: Any) -> dict[str, Any]:
    """A findings document with every safety question answered reassuringly,
    overridden by ``answers=`` and extended by any other contract field."""
    answers = {**SAFETY_NO, **parts.pop("answers", {})}
    return {"schema": "radiculog/findings@1", "answers": answers, **parts}


@pytest.fixture
def region() -> Iterator[Callable[[str | None], None]]:
    """Choose the deployment region for one test (RADICULOG_REGION's effect)."""
    yield use_region
    use_region(None)


@pytest.fixture(scope="session")
def assessment_schema() -> dict[str, Any]:
    return json.loads((CONTRACT / "assessment.schema.json").read_text())  # type: ignore[no-any-return]


# Log builders for the export and summary tests.

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


def pytest_configure(config: pytest.Config) -> None:
    """Static files straight from the apps (no `collectstatic`, no manifest) in tests;
    production uses WhiteNoise's hashed, compressed copies (tested in tests/deploy)."""
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.STATIC_ROOT = None
