"""The packaged schema copies equal the contract; the repository's copy of the
contract equals the team's shared folder when that folder is beside the clone;
the full assessment schema extends the contract's."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from radiculog.contract.schema import load_schema
from tests.conftest import CONTRACT, SHARED_CONTRACT


@pytest.mark.parametrize("name", ["findings", "log", "assessment"])
def test_packaged_schema_equals_the_contract(name: str) -> None:
    packaged = resources.files("radiculog.contract.schemas").joinpath(f"{name}.schema.json")
    assert packaged.read_text() == (CONTRACT / f"{name}.schema.json").read_text()


@pytest.mark.skipif(
    not SHARED_CONTRACT.is_dir(), reason="no shared contract folder beside the clone"
)
@pytest.mark.parametrize("name", ["findings", "log", "assessment"])
def test_packaged_schema_equals_the_shared_one(name: str) -> None:
    """The schemas the package serves are the team's shared ones (not only the
    repository's copy of them)."""
    packaged = resources.files("radiculog.contract.schemas").joinpath(f"{name}.schema.json")
    assert packaged.read_text() == (SHARED_CONTRACT / f"{name}.schema.json").read_text()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(
    not SHARED_CONTRACT.is_dir(), reason="no shared contract folder beside the clone"
)
def test_the_repository_copy_equals_the_shared_contract() -> None:
    mine, shared = _files(CONTRACT), _files(SHARED_CONTRACT)
    assert sorted(mine) == sorted(shared)
    assert [name for name in mine if mine[name] != shared[name]] == []


def _enums(schema: object, path: str = "") -> dict[str, list[object]]:
    """Every enum in a schema by property path (e.g. trend.sensory)."""
    found: dict[str, list[object]] = {}
    if isinstance(schema, dict):
        if "enum" in schema:
            found[path] = schema["enum"]
        for key, value in schema.get("properties", {}).items():
            found |= _enums(value, f"{path}.{key}".lstrip("."))
        for key in ("items", "oneOf"):
            for sub in schema.get(key, []) if key == "oneOf" else [schema.get(key)]:
                found |= _enums(sub, path)
    return found


def test_the_full_assessment_schema_keeps_every_rule_of_the_contract() -> None:
    full, contract = load_schema("assessment-full"), load_schema("assessment")
    jsonschema.Draft202012Validator.check_schema(full)
    assert set(contract["required"]) <= set(full["required"])
    for part in ("urgency", "radicular", "trend"):
        assert set(contract["properties"][part]["required"]) <= set(
            full["properties"][part]["required"]
        )
    full_enums = _enums(full)
    for path, values in _enums(contract).items():
        assert sorted(map(str, full_enums[path])) == sorted(map(str, values)), path
