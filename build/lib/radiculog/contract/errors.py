"""Errors that name the field, the bad value and what is allowed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldError:
    path: str
    value: Any
    message: str
    allowed: tuple[str, ...] | None = None

    def __str__(self) -> str:
        shown = json.dumps(self.value) if _jsonable(self.value) else repr(self.value)
        text = f"{self.path or '(document)'}: {self.message} (got {shown})"
        if self.allowed:
            text += "; allowed: " + ", ".join(self.allowed)
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "value": self.value if _jsonable(self.value) else repr(self.value),
            "message": self.message,
            "allowed": list(self.allowed) if self.allowed else None,
        }


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


class FindingsError(ValueError):
    """A findings or log document that does not follow the contract."""

    def __init__(self, errors: list[FieldError], kind: str = "findings") -> None:
        self.errors = errors
        self.kind = kind
        lines = [f"invalid {kind} document:"] + [f"  - {e}" for e in errors]
        super().__init__("\n".join(lines))

    def to_dict(self) -> dict[str, Any]:
        return {"error": f"invalid {self.kind}", "errors": [e.to_dict() for e in self.errors]}
