"""The packaged JSON Schemas of the contract, by name."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

# findings, log and assessment are copies of ../shared/contract (a test keeps them equal);
# findings2 and assessment-full are Radiculog's compatible extensions.
NAMES = ("findings", "findings2", "log", "assessment", "assessment-full")


def schema_text(name: str) -> str:
    if name not in NAMES:
        raise KeyError(f"no schema named {name!r}; known: {', '.join(NAMES)}")
    return (
        resources.files("radiculog.contract.schemas")
        .joinpath(f"{name}.schema.json")
        .read_text("utf-8")
    )


def load_schema(name: str) -> dict[str, Any]:
    """The named schema, parsed afresh (callers may change it)."""
    return json.loads(schema_text(name))  # type: ignore[no-any-return]
