"""`radiculog check` at the web's pace: three lists of danger signs, then the urgency
answer with the signs that mean "go now"; each question once; only the suggested
strength tests; the region named where a person types it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import radiculog
from radiculog.web.selfcheck import alarms
from radiculog.web.selfcheck.steps import SAFETY_TOPICS

K = radiculog.load_knowledge()
CLI = [sys.executable, "-m", "radiculog"]
PROMPT = re.compile(r"Is any of these happening\?|\[y\]es / \[n\]o")
CALM = ["n", "n", "n", "y"]  # three lists: none; "can you walk a few minutes?": yes


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=60)


def flat(text: str) -> str:
    return " ".join(text.split())


def number(qid: str) -> str:
    """The number a question has in its list (questions whose no alarms are asked apart)."""
    for step in SAFETY_TOPICS:
        listed = [q for q in step.items if alarms.shortcut_fills(q)]
        if qid in listed:
            return str(listed.index(qid) + 1)
    raise KeyError(qid)


def test_a_calm_person_reaches_the_urgency_answer_after_four_prompts() -> None:
    result = run("check", stdin="\n".join(CALM) + "\n")
    before = result.stdout[: result.stdout.index("YOUR URGENCY ANSWER")]
    assert len(PROMPT.findall(before)) == 4  # the web: 3 pages and one tap for walking
    assert K.tiers["watchful"].title in result.stdout


def test_every_question_a_warning_sign_rule_reads_is_asked_once() -> None:
    result = run("check", stdin="\n".join(CALM) + "\n")
    said = flat(result.stdout)
    for qid in K.screening_ids:
        assert said.count(K.questions[qid].text) == 1, qid
    assert said.count("toes catch") == 1  # foot drop and toes catching are not asked twice


def test_the_urgency_answer_and_the_calm_result_end_with_the_go_now_signs() -> None:
    replies = [*CALM, "y", "y", "y", "n", "y", "", "13,18", "", "19", "y", "10", "10"]
    result = run("check", stdin="\n".join([*replies, "", "", "", "", ""]) + "\n")
    assert result.returncode == 0, result.stderr
    signs = [K.questions[q].short for q in alarms.go_now_signs()]
    net = f"Call {K.services.emergency_number} now if any of these starts:"
    answer, _, final = result.stdout.partition("Go on to which nerve root")
    assert net in answer and all(s in answer for s in signs)
    tail = final[final.rindex(net) :]  # the last thing a calm result says
    assert [line.strip("- ").strip() for line in tail.splitlines()[1:]] == signs
    assert "Which nerve root: the evidence leans to L5" in flat(final)


def test_only_the_suggested_strength_tests_and_no_reps_for_walking() -> None:
    replies = [*CALM, "y", "y", "y", "n", "y", "", "13,18", "", "19", "y"]
    replies += ["10", "10", "", "", "", "", ""]  # the suggested tests; no to the others
    result = run("check", "--format", "json", stdin="\n".join(replies) + "\n")
    asked = [t.name for t in K.home_tests.values() if f"{t.name}: " in result.stdout]
    assert 1 <= len(asked) <= 3, asked
    assert "Try other tests too" in result.stdout
    assert "reps" not in result.stdout
    doc = json.loads(result.stdout[result.stdout.index("{\n") :])
    assert doc["urgency"]["tier"] == "watchful" and doc["leaning"] == "L5"


def test_a_number_in_the_first_list_stops_at_once(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    result = run("check", "--save", str(saved), stdin=number("saddle_numbness") + "\n")
    assert result.returncode == 0
    assert "EMERGENCY" in result.stdout and "Danger signs, 2 of 3" not in result.stdout
    assert "warning signs of cauda equina syndrome" in flat(result.stdout)  # its script
    doc = json.loads(saved.read_text())
    assert doc["answers"]["saddle_numbness"] is True and doc["answers"]["bladder_change"] is False


def test_one_by_one_keeps_not_sure_unanswered_and_stops_at_the_first_yes(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    result = run("check", "--save", str(saved), stdin="?\nn\n?\ny\nn\nn\n")
    assert "EMERGENCY" in result.stdout
    said = flat(result.stdout)
    assert "Danger signs, 2 of 3" not in said and "4. new loss of sexual function" not in said
    assert said.count(K.questions["bladder_change"].text) == 1  # read in the list, not again
    assert "1. new bladder trouble? [y]es" in said
    doc = json.loads(saved.read_text())
    assert doc["answers"] == {"bladder_change": False, "saddle_numbness": True}


def test_toes_catching_says_call_today_and_goes_on(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    replies = ["n", number("toes_catching"), "n", "y"]
    result = run("check", "--save", str(saved), stdin="\n".join(replies) + "\n")
    said = result.stdout
    assert "URGENT" in said and said.index("URGENT") < said.index("Danger signs, 3 of 3")
    assert "YOUR URGENCY ANSWER: " + K.tiers["urgent"].title in said
    doc = json.loads(saved.read_text())
    assert doc["schema"] == "radiculog/findings@2" and doc["answers"]["toes_catching"] is True


def test_past_cancer_and_pain_getting_worse_together_are_urgent(tmp_path: Path) -> None:
    saved = tmp_path / "mine.json"
    pair = f"{number('cancer_history')},{number('pain_getting_worse')}"
    result = run("check", "--save", str(saved), stdin=f"n\n{pair}\n")
    assert "URGENT" in result.stdout and "cancer team" in result.stdout
    urgency = radiculog.assess(json.loads(saved.read_text())).to_dict()["urgency"]
    assert "cancer_with_progressive_pain" in {r["id"] for r in urgency["reasons"]}


def test_a_reply_that_is_not_an_answer_is_asked_again() -> None:
    listed = len([q for q in SAFETY_TOPICS[0].items if alarms.shortcut_fills(q)])
    result = run("check", stdin=f"{listed + 1}\nmaybe\nn\n")  # one past the list, then a word
    assert f"Please type n, ?, or numbers from 1 to {listed}" in result.stdout
    assert result.stdout.count("Please type") == 2


def test_check_that_ends_early_says_so() -> None:
    result = run("check", stdin="n\nn\n")
    assert result.returncode == 1 and "not a complete check" in result.stdout


def test_the_region_is_taken_after_the_command_too() -> None:
    result = run("check", "--region", "us", stdin="\n".join(CALM) + "\n")
    assert result.returncode == 1, result.stderr  # ended at "go on?": not a complete check
    assert "Call 911 now if any of these starts" in result.stdout
    assert "999" not in result.stdout
    before = run("--region", "us", "check", stdin="\n".join(CALM) + "\n")
    assert "Call 911 now" in before.stdout
    assert run("check", "--region", "mars").returncode == 2


def test_interactive_check_asks_every_question_a_warning_sign_rule_reads() -> None:
    """Every answer a screening rule reads is offered before the urgency answer, the
    findings@2 ones included (issue 18's new questions flow in from the knowledge)."""
    result = run("check", stdin="\n".join(CALM) + "\n")
    said = flat(result.stdout)
    for qid in K.screening_ids:
        assert flat(K.questions[qid].text) in said, qid
