"""The engine and contract are plain Python: no web framework imports, stdlib only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import radiculog

PACKAGE = Path(radiculog.__file__).parent
PURE = ["engine", "contract"]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_engine_imports_only_the_standard_library_and_itself() -> None:
    allowed = set(sys.stdlib_module_names) | {"radiculog", "__future__"}
    for folder in PURE:
        for path in (PACKAGE / folder).rglob("*.py"):
            extra = _imports(path) - allowed
            assert not extra, f"{path.relative_to(PACKAGE)} imports {sorted(extra)}"


def test_no_django_anywhere_in_the_engine() -> None:
    for folder in PURE:
        for path in (PACKAGE / folder).rglob("*.py"):
            assert "django" not in _imports(path), path
