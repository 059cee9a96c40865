"""Shared fixtures: the contract folder beside the repository, and findings builders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_CONTRACT = REPO.parent / "shared" / "contract"


def contract_examples() -> list[Path]:
    return sorted((SHARED_CONTRACT / "examples").glob("*.json"))


def load_example(name: str) -> dict[str, Any]:
    return json.loads((SHARED_CONTRACT / "examples" / name).read_text())  # type: ignore[no-any-return]


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


@pytest.fixture(scope="session")
def assessment_schema() -> dict[str, Any]:
    return json.loads((SHARED_CONTRACT / "assessment.schema.json").read_text())  # type: ignore[no-any-return]
