"""`radiculog imaging FILE|-`: JSON and text, concordance with --findings, exit 2 on bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from radiculog.cli import main
from tests.conftest import load_example

REPORT = Path(__file__).parent / "corpus" / "reports" / "02-uk-prose.txt"


def run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdin", io.StringIO(stdin))
        return main(argv, out=out), out.getvalue()


def test_json_output_follows_the_contract() -> None:
    code, out = run(["imaging", str(REPORT), "--format", "json"])
    doc = json.loads(out)
    assert code == 0 and doc["schema"] == "radiculog/imaging@1"
    protrusion = next(e for e in doc["levels"] if e["finding"] == "protrusion")
    assert (protrusion["level"], protrusion["roots"], protrusion["root_contact"]) == (
        "L5-S1",
        ["S1"],
        "displaced",
    )
    assert "concordance" not in doc


def test_standard_input_is_read_with_a_dash() -> None:
    code, out = run(
        ["imaging", "-", "--format", "json"], stdin="L4-5: Left far lateral protrusion."
    )
    assert code == 0
    assert json.loads(out)["levels"][0]["roots"] == ["L4"]


def test_findings_add_the_concordance(tmp_path: Path) -> None:
    findings = tmp_path / "f.json"
    findings.write_text(json.dumps(load_example("01-l5-classic-no-weakness.json")["findings"]))
    code, out = run(["imaging", str(REPORT), "--format", "json", "--findings", str(findings)])
    fit = json.loads(out)["concordance"]
    assert code == 0
    assert fit["leaning"] == "L5" and fit["verdict"] == "does not match"
    assert fit["age_rates"][0]["table_age"] == 40  # the findings' age (41) is used


def test_text_output_reads_level_by_level() -> None:
    code, out = run(["imaging", str(REPORT)])
    assert code == 0
    assert "L5-S1: a disc protrusion, just off the middle, on the right." in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), (b"", "no report text"), (b"\xff\xfe\x00bad", "not UTF-8"),
     (b"  \n\n", "no report text")],
)  # fmt: skip
def test_unreadable_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    code, out = run(["imaging", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_bad_findings_exit_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = tmp_path / "f.json"
    findings.write_text(json.dumps({"schema": "radiculog/findings@1", "answers": {"fevr": True}}))
    code, _ = run(["imaging", str(REPORT), "--findings", str(findings)])
    assert code == 2
    assert "fevr" in capsys.readouterr().err


def test_bad_age_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["imaging", str(REPORT), "--age", "-3"])
    assert exc.value.code == 2
    assert "age must be whole years" in capsys.readouterr().err
