"""Fixtures for the Django layer's tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.web.selfcheck_helpers import load_examples


@pytest.fixture(scope="session")
def examples() -> dict[str, dict[str, Any]]:
    found = load_examples()
    assert found, "no contract examples found beside the repository"
    return found


@pytest.fixture
def post_json(client: Any) -> Any:
    def post(url: str, body: object | str | bytes) -> Any:
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(url, data=data, content_type="application/json")

    return post
