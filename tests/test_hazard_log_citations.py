"""Every test the hazard log cites as a control exists: the file, and the test
function when one is named. A control whose test was renamed or never written must
fail here, not sit in the safety case as if it were checked.

Citations are code spans: `tests/<path>.py`, `tests/<path>.py::test_name`, and the
shorthand `::test_name` for the file cited last (on the same line, else before).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

HAZARD_LOG = REPO / "docs" / "clinical-safety" / "hazard-log.md"
SPAN = re.compile(r"`([^`\n]+)`")
CITED = re.compile(r"^(?P<file>tests/[\w/.-]+\.py)?(?:::(?P<name>[\w:]+)(?:\[[^\]]*\])?)?$")


def citations(text: str) -> list[tuple[int, str, str | None]]:
    """(line number, file, test name or None) for every test the text cites."""
    found: list[tuple[int, str, str | None]] = []
    last_file: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        for span in SPAN.findall(line):
            match = CITED.match(span.strip())
            if not match or not (match["file"] or match["name"]):
                continue
            file = match["file"] or last_file
            assert file, f"line {number}: `{span}` names a test before any file"
            last_file = file
            found.append((number, file, match["name"]))
    return found


def defines(path: Path, name: str) -> bool:
    """The file defines the test (a function, or Class::method)."""
    source = path.read_text()
    *classes, function = name.split("::")
    if any(not re.search(rf"^class {re.escape(c)}\b", source, re.M) for c in classes):
        return False
    return re.search(rf"^\s*(?:async\s+)?def {re.escape(function)}\(", source, re.M) is not None


def test_the_parser_reads_each_form_of_citation() -> None:
    text = (
        "| a | `tests/engine/test_trend.py::test_x`; `::test_y` |\n"
        "| b | `tests/web/` and `tests/test_cli.py` (`RADICULOG_TEST_DB`) |\n"
        "`::test_z[left]` and `tests/a/b.py::Class::test_m`"
    )
    assert citations(text) == [
        (1, "tests/engine/test_trend.py", "test_x"),
        (1, "tests/engine/test_trend.py", "test_y"),
        (2, "tests/test_cli.py", None),
        (3, "tests/test_cli.py", "test_z"),
        (3, "tests/a/b.py", "Class::test_m"),
    ]


def test_the_check_finds_a_missing_file_and_a_missing_test() -> None:
    here = Path(__file__)
    assert defines(here, "test_the_check_finds_a_missing_file_and_a_missing_test")
    assert not defines(here, "test_that_was_never_written")
    assert not (REPO / "tests/engine/test_never_written.py").is_file()


def test_the_hazard_log_cites_tests() -> None:
    assert len(citations(HAZARD_LOG.read_text())) > 50


@pytest.mark.parametrize(
    ("line", "file", "name"),
    citations(HAZARD_LOG.read_text()),
    ids=lambda value: str(value),
)
def test_every_cited_test_exists(line: int, file: str, name: str | None) -> None:
    path = REPO / file
    assert path.is_file(), f"hazard-log.md line {line}: {file} does not exist"
    if name:
        assert defines(path, name), f"hazard-log.md line {line}: {file}::{name} is not defined"
