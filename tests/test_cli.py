"""The command line: examples in, schema-valid JSON out; bad input exits 2 with a clear message."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from radiculog.cli import main
from tests.conftest import contract_examples, findings

CLI = [sys.executable, "-m", "radiculog"]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("path", contract_examples(), ids=lambda p: p.stem)
def test_assess_examples_from_stdin_as_json(path: Path, assessment_schema: dict[str, Any]) -> None:
    case = json.loads(path.read_text())
    out = io.StringIO()
    sys_stdin = sys.stdin
    try:
        sys.stdin = io.StringIO(json.dumps(case["findings"]))
        assert main(["assess", "-", "--format", "json"], out) == 0
    finally:
        sys.stdin = sys_stdin
    doc = json.loads(out.getvalue())
    jsonschema.validate(doc, assessment_schema)
    if "tier" in case["expect"]:
        assert doc["urgency"]["tier"] == case["expect"]["tier"]


def test_assess_file_as_text_through_a_real_process(tmp_path: Path) -> None:
    f = tmp_path / "f.json"
    f.write_text(json.dumps(findings(answers={"bladder_change": True})))
    result = run("assess", str(f))
    assert result.returncode == 0
    assert "EMERGENCY" in result.stdout and "What to tell them" in result.stdout
    assert "Which nerve root" not in result.stdout  # nothing between the person and help


def test_the_command_line_says_back_what_it_read_in_the_notes(tmp_path: Path) -> None:
    f = tmp_path / "f.json"
    f.write_text(json.dumps(findings(notes="Wet myself twice. No fever.")))
    text = " ".join(run("assess", str(f)).stdout.split())
    assert text.startswith("[!!!] EMERGENCY")
    assert 'What you wrote: - You wrote "Wet myself": that is a warning sign' in text
    assert "(fever with back pain)" not in text  # "No fever" is negated: not read


def test_the_region_names_its_emergency_number_through_a_real_process(tmp_path: Path) -> None:
    f = tmp_path / "f.json"
    f.write_text(json.dumps(findings(answers={"bladder_change": True})))
    assert "call 999" in run("assess", str(f)).stdout  # the default region, uk
    us = run("--region", "us", "assess", str(f)).stdout
    assert "call 911" in us and "999" not in us
    bad = run("--region", "mars", "assess", str(f))
    assert bad.returncode == 2 and "invalid choice: 'mars'" in bad.stderr


@pytest.mark.parametrize(
    ("stdin", "fragments"),
    [
        ("{not json", ["not valid JSON", "line 1"]),
        (
            '{"schema": "radiculog/findings@1", "answers": {"fevr": true}}',
            ["answers.fevr", "allowed: bladder_change"],
        ),
        (
            '{"schema": "radiculog/findings@1", "pain": [{"region": "saddle", "side": "right"}]}',
            ["pain[0].side", "no side"],
        ),
        ('{"schema": "radiculog/findings@1", "age": "old"}', ["age", '"old"']),
    ],
)
def test_bad_input_exits_2_naming_the_problem_without_a_traceback(
    stdin: str, fragments: list[str]
) -> None:
    result = run("assess", "-", stdin=stdin)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert result.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("assess", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "cannot read" in result.stderr


def test_trend_reads_a_log(tmp_path: Path) -> None:
    log = {
        "schema": "radiculog/log@1",
        "entries": [
            {
                "at": "2026-11-20T08:00:00Z",
                "findings": findings(function=[{"test": "toe_lift", "left": 10, "right": 10}]),
            },
            {
                "at": "2026-11-21T08:00:00Z",
                "findings": findings(function=[{"test": "toe_lift", "left": 10, "right": 4}]),
            },
        ],
    }
    path = tmp_path / "log.json"
    path.write_text(json.dumps(log))
    result = run("trend", str(path), "--format", "json", "--now", "2026-11-21T09:00:00Z")
    doc = json.loads(result.stdout)
    assert doc["trend"]["function"] == "worsening" and doc["urgency"]["tier"] == "urgent"
    # The 14 days count back from the present, not the newest entry: a month later
    # the weakness trend has left the window.
    later = run("trend", str(path), "--format", "json", "--now", "2026-12-21T09:00:00Z")
    assert json.loads(later.stdout)["trend"]["function"] == "insufficient"
    # An entry after the present is refused with the entry named (issue 27).
    early = run("trend", str(path), "--now", "2026-11-20T12:00:00Z")
    assert early.returncode == 2 and "Traceback" not in early.stderr
    assert "entries[1].at" in early.stderr and "in the future" in early.stderr


def test_explain_and_schema() -> None:
    assert "Single-leg calf raise" in run("explain", "s1").stdout
    schema = json.loads(run("schema", "log").stdout)
    assert schema["$id"] == "radiculog/log@1"


LOG_ENTRY = '{"schema": "radiculog/log@1", "entries": [{"at": AT, "findings": FINDINGS}]}'
CALM = '{"schema": "radiculog/findings@1"}'


@pytest.mark.parametrize(
    ("command", "stdin", "fragments"),
    [  # issue 11: each of these once printed a traceback
        ("assess", '{"schema": {}}', ["schema", "unknown or missing schema"]),
        ("assess", '{"schema": "radiculog/findings@1", "age": 1' + "0" * 5000 + "}",
         ["not valid JSON", "5001 characters long"]),
        ("assess", "[" * 100_000 + "]" * 100_000, ["not valid JSON", "nested"]),
        ("assess", '{"schema": "radiculog/findings@1", "notes": "a\\u0000b"}', ["notes", "NUL"]),
        ("assess", '{"schema": "radiculog/findings@1", "notes": "\\ud83d"}',
         ["notes", "lone surrogate"]),
        ("trend", LOG_ENTRY.replace("AT", '"9999-12-31T23:59:59Z"').replace("FINDINGS", CALM),
         ["entries[0].at", "from 1900 to 2099"]),
        ("trend", LOG_ENTRY.replace("AT", '"0001-01-01T00:00:00+05:00"').replace("FINDINGS", CALM),
         ["entries[0].at", "from 1900 to 2099"]),
    ],
)  # fmt: skip
def test_input_that_once_crashed_exits_2_with_a_message(
    command: str, stdin: str, fragments: list[str]
) -> None:
    result = run(command, "-", stdin=stdin)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
