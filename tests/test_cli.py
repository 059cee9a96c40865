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

import radiculog
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


def test_interactive_check_stops_at_the_first_emergency_answer(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    # bladder: no, bowel: not sure, saddle numbness: yes -> stop.
    result = run("check", "--save", str(saved), stdin="n\n?\ny\nn\nn\n")
    assert result.returncode == 0
    assert "EMERGENCY" in result.stdout
    assert "Have you newly lost sexual function" not in result.stdout  # no further questions
    assert "warning signs of cauda equina syndrome" in " ".join(result.stdout.split())  # its script
    doc = json.loads(saved.read_text())
    assert doc["answers"] == {
        "bladder_change": False,
        "saddle_numbness": True,
    }  # "?" stays unanswered


def test_interactive_check_to_the_end(tmp_path: Path) -> None:
    answers = ["n"] * 18 + ["y"]  # safety: all no, can walk: yes
    answers += ["n"] * 5  # the findings@2 warning-sign questions (steroids, fall, toes...)
    answers += ["y", "y", "n", "y"]  # checklist
    answers += ["", "13,18", "", "19"]  # pain right: outer leg + top of foot; numb right: big toe
    answers += ["y"]  # big toe repeatable
    answers += ["", ""] * 3 + ["10", "10"] + ["", ""] * 3  # only toe lifts tested
    result = run("check", "--format", "json", stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout[result.stdout.index("{\n") :])
    assert doc["urgency"]["tier"] == "watchful"
    assert doc["leaning"] == "L5"


def test_interactive_check_asks_every_question_a_warning_sign_rule_reads() -> None:
    k = radiculog.load_knowledge()
    stdin = "\n".join(["n"] * 18 + ["y"] + ["n"] * 5) + "\n"
    result = run("check", stdin=stdin)
    for qid in k.screening_ids:
        assert k.questions[qid].text in result.stdout.replace("\n", " ").replace("  ", " "), qid


def _safety_replies(yes: set[str], until: str | None = None) -> str:
    """Replies to the terminal's safety questions: yes to these, can walk, else no."""
    replies = []
    for qid in radiculog.load_knowledge().screening_ids:
        replies.append("y" if qid in yes or qid == "can_walk_short_distances" else "n")
        if qid == until:
            break
    return "\n".join(replies) + "\n"


def test_interactive_check_says_call_today_at_toes_catching_and_goes_on(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    result = run("check", "--save", str(saved), stdin=_safety_replies({"toes_catching"}))
    said = result.stdout
    assert "URGENT" in said and "toes catch" in said
    assert said.index("URGENT") > said.index("Do you trip again and again")
    assert "nerve-root irritation" in said  # the person may go on
    doc = json.loads(saved.read_text())
    assert doc["schema"] == "radiculog/findings@2" and doc["answers"]["toes_catching"] is True
    assert radiculog.assess(doc).to_dict()["urgency"]["tier"] == "urgent"


def test_interactive_check_past_cancer_and_pain_getting_worse_is_urgent(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    replies = _safety_replies({"cancer_history", "pain_getting_worse"}, until="toes_catching")
    result = run("check", "--save", str(saved), stdin=replies)
    assert "URGENT" in result.stdout and "cancer team" in result.stdout
    doc = json.loads(saved.read_text())
    tier = radiculog.assess(doc).to_dict()["urgency"]
    assert tier["tier"] == "urgent"
    assert "cancer_with_progressive_pain" in {r["id"] for r in tier["reasons"]}


def test_check_that_ends_early_says_so() -> None:
    result = run("check", stdin="n\nn\n")
    assert result.returncode == 1 and "not a complete check" in result.stdout


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
