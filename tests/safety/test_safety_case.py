"""The hazard log as data, its Markdown, the safety case report and their tests (issue 25)."""

from __future__ import annotations

from pathlib import Path

import pytest

from radiculog.safety.__main__ import CASE, DATA, LOG, main, outputs
from radiculog.safety.case import pins
from radiculog.safety.hazards import cited_tests, dumps, load, loads
from radiculog.safety.parse_log import parse
from radiculog.safety.render_log import render
from tests.test_hazard_log_citations import defines

ROOT = Path(__file__).resolve().parents[2]
LOGGED = load(ROOT / DATA)


def test_the_markdown_and_the_safety_case_are_what_the_data_gives() -> None:
    for path, text in outputs(ROOT).items():
        assert (ROOT / path).read_text("utf-8") == text, f"{path} is stale: run scripts/safety-case"


def test_the_markdown_reads_back_into_the_same_data() -> None:
    """Rows added to hazard-log.md by hand are not lost: convert takes them in."""
    assert parse((ROOT / LOG).read_text("utf-8")) == LOGGED
    assert loads(dumps(LOGGED)) == LOGGED
    assert parse(render(LOGGED)) == LOGGED


def test_a_row_added_to_the_markdown_is_taken_in_by_convert(tmp_path: Path) -> None:
    for path in (DATA, LOG, CASE, Path("docs/clinical-safety/safety-case.toml")):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text((ROOT / path).read_text("utf-8"), "utf-8")
    for path in (
        "requirements/lock.txt",
        "requirements/production.txt",
        "tests/browser/assets/lforms/VERSION",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text((ROOT / path).read_text("utf-8"), "utf-8")
    (tmp_path / "validation").symlink_to(ROOT / "validation")
    text = (tmp_path / LOG).read_text("utf-8")
    row = "| A new control | `tests/safety/test_safety_case.py::test_a_new_one` |\n"
    anchor = "## H2."
    head, _, tail = text.partition(anchor)
    tail = tail.replace("|---|---|\n", "|---|---|\n" + row, 1)
    (tmp_path / LOG).write_text(head + anchor + tail, "utf-8")
    assert main(["convert", "--root", str(tmp_path), "--check"]) == 1
    assert main(["convert", "--root", str(tmp_path)]) == 0
    h2 = next(h for h in load(tmp_path / DATA).hazards if h.id == "H2")
    assert h2.controls[0].tests == ["tests/safety/test_safety_case.py::test_a_new_one"]
    assert "A new control" in (tmp_path / CASE).read_text("utf-8")
    assert main(["--root", str(tmp_path), "--check"]) == 0


def _each_cited_test():
    for hazard in LOGGED.hazards:
        for control in hazard.controls:
            for test in control.tests:
                yield pytest.param(hazard.id, test, id=f"{hazard.id}:{test}")


@pytest.mark.parametrize(("hazard", "test"), list(_each_cited_test()))
def test_every_test_a_control_names_exists(hazard: str, test: str) -> None:
    file, _, name = test.partition("::")
    assert (ROOT / file).is_file(), f"{hazard}: {file} does not exist"
    assert not name or defines(ROOT / file, name), f"{hazard}: {test} is not defined"


def test_a_control_naming_a_missing_test_is_caught() -> None:
    tests = cited_tests("`tests/engine/test_red_flags.py::test_that_was_never_written`")
    file, _, name = tests[0].partition("::")
    assert (ROOT / file).is_file() and not defines(ROOT / file, name)


def test_each_controls_tests_are_the_ones_its_words_cite() -> None:
    for hazard in LOGGED.hazards:
        last = None
        for control in hazard.controls:
            assert control.tests == cited_tests(control.verified_by, last), (
                hazard.id,
                control.control,
            )
            last = control.tests[-1].split("::")[0] if control.tests else last


def test_every_hazard_has_risks_on_the_matrix_scale_and_a_control() -> None:
    for hazard in LOGGED.hazards:
        assert 1 <= hazard.residual() <= hazard.initial() <= 5, hazard.id
        assert hazard.controls, hazard.id


def test_a_risk_the_matrix_does_not_give_is_an_open_item_in_the_safety_case() -> None:
    case = (ROOT / CASE).read_text("utf-8")
    for hazard in LOGGED.hazards:
        for disagreement in hazard.matrix_disagreements():
            assert disagreement in case


def test_the_safety_case_lists_every_locked_package_with_its_version() -> None:
    case = (ROOT / CASE).read_text("utf-8")
    locked = pins((ROOT / "requirements/lock.txt").read_text("utf-8"))
    assert len(locked) > 40
    for name, version in locked.items():
        assert f"| {name} | {version} |" in case
    assert "not a certification" in case
