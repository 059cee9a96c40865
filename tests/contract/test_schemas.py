"""The packaged schema copies equal the shared contract."""

from __future__ import annotations

from importlib import resources

import pytest

from tests.conftest import SHARED_CONTRACT


@pytest.mark.parametrize("name", ["findings", "log", "assessment"])
def test_packaged_schema_equals_the_shared_one(name: str) -> None:
    packaged = resources.files("radiculog.contract.schemas").joinpath(f"{name}.schema.json")
    assert packaged.read_text() == (SHARED_CONTRACT / f"{name}.schema.json").read_text()
