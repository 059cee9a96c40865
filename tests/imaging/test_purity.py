"""The imaging reader is plain Python: standard library and its own modules only
(and the engine's region services, for the emergency number it names)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import radiculog.imaging

PACKAGE = Path(radiculog.imaging.__file__).parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_every_import_is_standard_library_or_the_reader_itself() -> None:
    files = sorted(PACKAGE.glob("*.py"))
    assert len(files) >= 10
    for path in files:
        for name in _imports(path):
            top = name.split(".")[0]
            ok = top in sys.stdlib_module_names or top == "__future__"
            ok = ok or name.startswith("radiculog.imaging")
            # the region's emergency number, itself standard-library only
            ok = ok or name == "radiculog.engine.services"
            assert ok, f"{path.name} imports {name}"
