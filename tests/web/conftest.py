"""Fixtures for the Django layer's tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
# The packaged copy of the contract examples if the repo has one, else the shared folder.
EXAMPLE_DIRS = (
    REPO / "src" / "radiculog" / "contract" / "examples",
    REPO / "tests" / "contract" / "examples",
    Path("/work/shared/contract/examples"),
)


def load_examples() -> dict[str, dict[str, Any]]:
    """Contract examples by file stem: the packaged copy if present, else the shared one."""
    for folder in EXAMPLE_DIRS:
        files = sorted(folder.glob("*.json")) if folder.is_dir() else []
        if files:
            return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in files}
    return {}


@pytest.fixture(scope="session")
def examples() -> dict[str, dict[str, Any]]:
    found = load_examples()
    if not found:
        pytest.skip("no contract examples found")
    return found


@pytest.fixture
def post_json(client: Any) -> Any:
    def post(url: str, body: object | str | bytes) -> Any:
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(url, data=data, content_type="application/json")

    return post
