"""`radiculog check` typed into a real terminal (tmux): what a person sees up to the
urgency answer, that no question comes twice, and the go-now signs on a calm result.

tmux runs on a socket of its own for each test and is stopped at the end; the test
is skipped where tmux is not installed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

import radiculog
from radiculog.web.selfcheck import alarms

K = radiculog.load_knowledge()
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        cmd = ["tmux", "-L", self.socket, *args]
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def start(self, *args: str) -> None:
        command = shlex.join([sys.executable, "-m", "radiculog", *args]) + "; sleep 30"
        self.tmux("new-session", "-d", "-x", "100", "-y", "60", "-s", "check", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-3000", "-t", "check")

    def wait_for(self, text: str, seen: int = 1, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if screen.count(text) >= seen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not shown {seen} time(s):\n{self.screen()}")

    def wait_for_either(self, text: str, seen: int, other: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if screen.count(text) >= seen or other in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"neither {text!r} nor {other!r}:\n{self.screen()}")

    def type(self, line: str) -> None:
        self.tmux("send-keys", "-t", "check", "-l", line)
        self.tmux("send-keys", "-t", "check", "Enter")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    t = Terminal(f"radiculog-test-{os.getpid()}-{time.monotonic_ns()}")
    yield t
    subprocess.run(["tmux", "-L", t.socket, "kill-server"], capture_output=True)


LIST = "Is any of these happening?"
YES_NO = "[y]es / [n]o"


def test_a_calm_check_in_a_terminal(terminal: Terminal) -> None:
    terminal.start("check", "--region", "us")
    prompts = 0
    for place in (1, 2, 3):  # one list per group, answered with one line
        terminal.wait_for(f"Danger signs, {place} of 3")
        terminal.wait_for(LIST, seen=place)
        terminal.type("n")
        prompts += 1
    terminal.wait_for(K.questions["can_walk_short_distances"].text)
    terminal.type("y")
    prompts += 1
    screen = terminal.wait_for("Go on to which nerve root")
    before = screen[: screen.index("YOUR URGENCY ANSWER")]
    assert prompts == before.count(LIST) + before.count(YES_NO) == 4
    signs = [K.questions[q].short for q in alarms.go_now_signs()]
    assert "Call 911 now if any of these starts:" in screen and "999" not in screen
    assert all(f"- {s}" in screen for s in signs)
    said = " ".join(screen.split())
    for qid in K.screening_ids:  # each danger question shown once
        assert said.count(K.questions[qid].text) == 1, qid
    assert said.count("toes catch") == 1

    terminal.type("y")  # the nerve-root part
    for _ in range(4):
        terminal.wait_for(YES_NO, seen=before.count(YES_NO) + 1 + _)
        terminal.type("y" if _ != 2 else "n")
    terminal.wait_for("Where does it hurt?")
    for reply in ("", "13,18"):
        terminal.type(reply)
    terminal.wait_for("Where is it numb or tingling?")
    for reply in ("", "19", "y"):
        terminal.type(reply)
    screen = terminal.wait_for("Strength tests: the ")
    asked = 0
    while screen := terminal.wait_for_either("how many done well", asked + 1, "Try other"):
        if "Try other tests too" in screen:
            break
        terminal.type("10")
        asked += 1
    assert 1 <= asked // 2 <= 3  # the suggested tests, two legs each
    terminal.type("")  # no other tests
    screen = terminal.wait_for("Radiculog is an educational self-check", seen=2)
    screen = terminal.wait_for(f"- {signs[-1]}", seen=2)
    final = screen[screen.rindex("Which nerve root") :]
    assert "Call 911 now if any of these starts:" in final  # the calm result's safety net
    assert "reps" not in screen
