"""The terminal check's prompts: one line typed per question or per list, re-asked
until the reply makes sense. No clinical meaning here; selfcheck_cli.py decides."""

from __future__ import annotations

import textwrap
from typing import TextIO

from radiculog.engine.findings import FUNCTION_WORDS

WORDS = {"n": "normal", "w": "weaker", "u": "unable"}
NONE = ("n", "no", "none", "0")
ONE_BY_ONE = ("?", "y", "yes", "not sure", "s")


class Ended(Exception):
    """Standard input closed before the check finished."""


class Asker:
    def __init__(self, stdin: TextIO, out: TextIO) -> None:
        self.stdin, self.out = stdin, out

    def say(self, text: str = "", indent: str = "", hang: str | None = None) -> None:
        if not text:
            self.out.write("\n")
            return
        rest = indent if hang is None else hang
        self.out.write(textwrap.fill(text, 76, initial_indent=indent, subsequent_indent=rest))
        self.out.write("\n")

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        if not line:
            raise Ended
        return line.strip().lower()

    def yes_no(self, question: str, inline: bool = False) -> bool | None:
        """Ask one question; `inline` puts a listed question's short words on the prompt
        line itself, so the question just read in the list is not printed again."""
        if not inline:
            self.say(question)
        lead = f"  {question} " if inline else "  "
        while True:
            reply = self.ask(f"{lead}[y]es / [n]o / [?] not sure: ")
            if reply in ("y", "yes"):
                return True
            if reply in ("n", "no"):
                return False
            if reply in ("?", "not sure", "s", "skip"):
                return None
            self.say("  Please type y, n or ? (not sure).")

    def go_on(self, prompt: str) -> bool:
        """A choice with no clinical meaning (go on, more tests): Enter means no."""
        while True:
            reply = self.ask(f"{prompt} [y]es / [n]o: ")
            if reply in ("y", "yes"):
                return True
            if reply in ("", "n", "no"):
                return False
            self.say("  Please type y or n.")

    def show(self, options: list[tuple[str, str]]) -> None:
        for i, (_, label) in enumerate(options, 1):
            self.say(f"{i:>2}. {label}", indent="  ", hang="      ")

    def any_of(self, count: int) -> list[int] | None:
        """Which of a numbered list is happening: [] for none, the numbers picked,
        or None to go through them one by one (a yes or "not sure" to sort out)."""
        while True:
            reply = self.ask(
                "Is any of these happening? Type n for none, the numbers that are (like 2,5),\n"
                "  or ? to answer them one by one: "
            )
            if reply in NONE:
                return []
            if reply in ONE_BY_ONE:
                return None
            picks = _numbers(reply, count)
            if picks:
                return picks
            self.say(f"  Please type n, ?, or numbers from 1 to {count} like 2,5.")

    def choose_many(self, prompt: str, options: list[tuple[str, str]]) -> list[str]:
        while True:
            reply = self.ask(f"{prompt} (numbers like 3,5; Enter for none): ")
            if not reply:
                return []
            picks = _numbers(reply, len(options))
            if picks:
                return [options[p - 1][0] for p in picks]
            self.say(f"  Please type numbers from 1 to {len(options)}, like 3,5.")

    def count(self, side: str) -> int | str | None:
        """How many done well (reps or steps, as the test says), or a word."""
        while True:
            reply = self.ask(
                f"  {side} leg: how many done well, or n(ormal) / w(eaker) / u(nable); "
                "Enter to skip: "
            )
            if not reply:
                return None
            if reply in WORDS or reply in FUNCTION_WORDS:
                return WORDS.get(reply, reply)
            if reply.isdigit() and int(reply) <= 200:
                return int(reply)
            self.say("  Please type a number from 0 to 200, or n, w or u.")


def _numbers(reply: str, count: int) -> list[int]:
    """The distinct numbers 1..count in a reply like "3,5" or "3 5"; [] if any is not one."""
    parts = reply.replace(",", " ").split()
    if not parts or not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
        return []
    return list(dict.fromkeys(int(p) for p in parts))
