"""`radiculog check`: the guided self-check in a terminal.

Safety questions come first (every question a warning-sign rule reads, the
findings@2 ones included); the moment an answer makes the engine's tier an
emergency, the check stops and shows what to do, and the moment it first makes
it urgent, the check says "call today" and goes on. "Not sure" stays unanswered.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any, TextIO

import radiculog
from radiculog.engine.findings import FUNCTION_WORDS
from radiculog.engine.knowledge import Knowledge, load_knowledge

SCHEMA = "radiculog/findings@1"
SCHEMA_2 = "radiculog/findings@2"  # only when a findings@2 question is answered
WORDS = {"n": "normal", "w": "weaker", "u": "unable"}


class Ended(Exception):
    """Standard input closed before the check finished."""


class Asker:
    def __init__(self, stdin: TextIO, out: TextIO) -> None:
        self.stdin, self.out = stdin, out

    def say(self, text: str = "") -> None:
        self.out.write(textwrap.fill(text, 76) + "\n" if text else "\n")

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.stdin.readline()
        if not line:
            raise Ended
        return line.strip().lower()

    def yes_no(self, question: str) -> bool | None:
        self.say(question)
        while True:
            reply = self.ask("  [y]es / [n]o / [?] not sure: ")
            if reply in ("y", "yes"):
                return True
            if reply in ("n", "no"):
                return False
            if reply in ("?", "not sure", "s", "skip"):
                return None
            self.say("  Please type y, n or ? (not sure).")

    def show(self, options: list[tuple[str, str]]) -> None:
        for i, (_, label) in enumerate(options, 1):
            self.out.write(f"  {i:>2}. {label}\n")

    def choose_many(self, prompt: str, options: list[tuple[str, str]]) -> list[str]:
        while True:
            reply = self.ask(f"{prompt} (numbers like 3,5; Enter for none): ")
            if not reply:
                return []
            try:
                picks = [int(p) for p in reply.replace(" ", "").split(",") if p]
            except ValueError:
                self.say(f"  Please type numbers from 1 to {len(options)}, like 3,5.")
                continue
            if all(1 <= p <= len(options) for p in picks):
                return [options[p - 1][0] for p in dict.fromkeys(picks)]
            self.say(f"  Numbers must be from 1 to {len(options)}.")

    def reps(self, side: str) -> int | str | None:
        while True:
            reply = self.ask(
                f"  {side} leg: reps, or n(ormal) / w(eaker) / u(nable), Enter to skip: "
            )
            if not reply:
                return None
            if reply in WORDS or reply in FUNCTION_WORDS:
                return WORDS.get(reply, reply)
            if reply.isdigit() and int(reply) <= 200:
                return int(reply)
            self.say("  Please type a number from 0 to 200, or n, w or u.")


def _emergency_stop(a: radiculog.Assessment, asker: Asker, k: Knowledge) -> None:
    advice = k.tiers["emergency"]
    asker.say()
    asker.say(f"!!! {advice.title.upper()}")
    asker.say(advice.do)
    for reason in a.urgency.reasons:
        if reason.tier == "emergency":
            asker.say(f"Why: {reason.text}")
    asker.say(f"What to tell them: {a.card.tell}")  # the cause's own script (card.py)


def _call_today(a: radiculog.Assessment, asker: Asker, k: Knowledge) -> None:
    asker.say()
    asker.say(f"!! {k.tiers['urgent'].title.upper()}")
    for reason in a.urgency.reasons:
        if reason.tier == "urgent":
            asker.say(f"Why: {reason.text}")
            asker.say(f"What to do: {reason.action}")
    asker.say("You can go on with the check, or stop here (Ctrl+D).")


def _safety(asker: Asker, findings: dict[str, Any], k: Knowledge) -> bool:
    """Ask the safety questions; False if the check stopped for an emergency."""
    asker.say("First, safety questions. Answer '?' if you are not sure.")
    told_urgent = False
    for qid in k.screening_ids:
        q = k.questions[qid]
        asker.say()
        answer = asker.yes_no(q.text)
        if answer is not None:
            findings["answers"][q.id] = answer
            if q.since > 1:
                findings["schema"] = SCHEMA_2
            a = radiculog.assess(findings)
            if a.urgency.tier == "emergency":
                _emergency_stop(a, asker, k)
                return False
            if a.urgency.tier == "urgent" and not told_urgent:
                _call_today(a, asker, k)
                told_urgent = True
    return True


def _regions(asker: Asker, findings: dict[str, Any], k: Knowledge) -> None:
    options = [(r.id, r.label) for r in k.regions.values() if r.id != "saddle"]
    for key, word in (("pain", "does it hurt"), ("sensory", "is it numb or tingling")):
        asker.say()
        asker.say(f"Where {word}? Body areas:")
        asker.show(options)
        for side in ("left", "right"):
            picked = asker.choose_many(f"{side.capitalize()} leg", options)
            for region in picked:
                item: dict[str, Any] = {"region": region, "side": side}
                if key == "sensory":
                    item["repeatable"] = bool(
                        asker.yes_no(f"Same spot each time you check ({k.regions[region].label})?")
                    )
                findings[key].append(item)


def _function(asker: Asker, findings: dict[str, Any], k: Knowledge) -> None:
    asker.say()
    asker.say(
        "Strength tests. Strength says more than where it hurts. Skip any you cannot do safely."
    )
    for test in k.home_tests.values():
        asker.say()
        asker.say(f"{test.name}: {' '.join(test.how)} Safety: {test.safety}")
        left, right = asker.reps("Left"), asker.reps("Right")
        if left is not None or right is not None:
            entry: dict[str, Any] = {"test": test.id}
            entry.update({s: v for s, v in (("left", left), ("right", right)) if v is not None})
            findings["function"].append(entry)


def run_check(stdin: TextIO, out: TextIO, save: str | None = None, fmt: str = "text") -> int:
    k = load_knowledge()
    asker = Asker(stdin, out)
    findings: dict[str, Any] = {
        "schema": SCHEMA,
        "answers": {},
        "pain": [],
        "sensory": [],
        "function": [],
    }
    asker.say("Radiculog self-check. " + k.disclaimer)
    code = 0
    try:
        if _safety(asker, findings, k):
            asker.say()
            asker.say("Now four questions about nerve-root irritation.")
            for q in (q for q in k.questions.values() if q.group == "checklist"):
                answer = asker.yes_no(q.text)
                if answer is not None:
                    findings["answers"][q.id] = answer
            _regions(asker, findings, k)
            _function(asker, findings, k)
            asker.say()
            a = radiculog.assess(findings)
            if fmt == "json":
                out.write(json.dumps(a.to_dict(), indent=2, ensure_ascii=False) + "\n")
            else:
                out.write(radiculog.render_text(a))
    except Ended:
        asker.say()
        asker.say("Stopped before the end: your answers so far are not a complete check.")
        code = 1
    if save:
        Path(save).write_text(json.dumps(findings, indent=2) + "\n", encoding="utf-8")
        asker.say(f"Saved your answers to {save}.")
    return code
