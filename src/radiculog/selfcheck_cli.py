"""`radiculog check`: the guided self-check in a terminal, at the web's pace.

The danger signs come in the web's three groups (steps.SAFETY_TOPICS: get help
now, call today, be seen within days), each shown as one numbered list answered
with one line: "n" for none, the numbers that are happening, or "?" to go
through them one by one. A question whose *no* is the alarming answer ("can you
walk a few minutes?") is always asked on its own. The moment an answer makes
the engine's tier an emergency, the check stops and shows what to do; the
moment it first makes it urgent, it says "call today" and goes on. Then comes
the urgency answer with the signs that mean "go now"; the nerve-root part is
optional and offers only the suggested strength tests. "Not sure" stays
unanswered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

import radiculog
from radiculog.engine.knowledge import Knowledge, load_knowledge
from radiculog.selfcheck_prompts import Asker, Ended
from radiculog.web.selfcheck import alarms
from radiculog.web.selfcheck.steps import SAFETY_TOPICS, TEST_ORDER
from radiculog.web.selfcheck.suggest import suggested_tests

SCHEMA = "radiculog/findings@1"
SCHEMA_2 = "radiculog/findings@2"  # only when a findings@2 question is answered
GROUP_WORDS = {
    "now": "signs to get help now",
    "today": "signs to call a doctor today",
    "days": "signs to be seen within days",
}


class Stop(Exception):
    """An answer made the result an emergency: the check ends with what to do."""


class Check:
    def __init__(self, asker: Asker, k: Knowledge) -> None:
        self.asker, self.k = asker, k
        self.findings: dict[str, Any] = {
            "schema": SCHEMA, "answers": {}, "pain": [], "sensory": [], "function": [],
        }  # fmt: skip
        self.told_urgent = False

    def assess(self) -> radiculog.Assessment:
        return radiculog.assess(self.findings)

    def record(self, answers: dict[str, bool | None]) -> None:
        """Keep the answers given ("not sure" stays unanswered), then act on the tier."""
        for qid, answer in answers.items():
            if answer is None:
                continue
            self.findings["answers"][qid] = answer
            if self.k.questions[qid].since > 1:
                self.findings["schema"] = SCHEMA_2
        a = self.assess()
        if a.urgency.tier == "emergency":
            _emergency_stop(a, self.asker, self.k)
            raise Stop
        if a.urgency.tier == "urgent" and not self.told_urgent:
            _call_today(a, self.asker, self.k)
            self.told_urgent = True


def danger_groups(k: Knowledge) -> list[tuple[str, list[str]]]:
    """The web's pages of danger signs; a screening question on no page joins the last,
    so a question added to the knowledge is never left unasked."""
    groups = [(s.slug, [q for q in s.items if q in k.questions]) for s in SAFETY_TOPICS]
    placed = {q for _, items in groups for q in items}
    groups[-1][1].extend(q for q in k.screening_ids if q not in placed)
    return groups


def ask_group(check: Check, place: int, slug: str, items: list[str]) -> None:
    asker, k = check.asker, check.k
    listed = [q for q in items if alarms.shortcut_fills(q)]  # "none" may answer these no
    alone = [q for q in items if q not in listed]
    asker.say()
    words = GROUP_WORDS.get(slug, "more danger signs")
    asker.say(f"Danger signs, {place} of {len(SAFETY_TOPICS)}: {words}.")
    if listed:
        asker.show([(q, k.questions[q].text) for q in listed])
        picks = asker.any_of(len(listed))
        if picks is None:  # one by one, by number and short words: every yes acts at once
            for i, qid in enumerate(listed, 1):
                check.record({qid: asker.yes_no(f"{i}. {k.questions[qid].short}?", inline=True)})
        else:
            check.record({q: i + 1 in picks for i, q in enumerate(listed)})
    for qid in alone:  # its no is the alarming answer: never answered by "none"
        asker.say()
        check.record({qid: asker.yes_no(k.questions[qid].text)})


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


def safety_net(asker: Asker, k: Knowledge) -> None:
    """The signs that alone mean "go now", the same list every web result ends its
    first screen with, and the number to call."""
    asker.say()
    asker.say(f"Call {k.services.emergency_number} now if any of these starts:")
    for qid in alarms.go_now_signs():
        asker.say(f"- {k.questions[qid].short}", indent="  ")


def urgency_answer(check: Check) -> None:
    a, asker = check.assess(), check.asker
    asker.say()
    asker.say(f"YOUR URGENCY ANSWER: {a.card.title}")
    asker.say(a.card.do)
    asker.say(f"How soon: {a.card.within}")
    if not a.urgency.screening_complete:
        asker.say("Some safety questions are not answered, so this cannot say waiting is safe.")
    safety_net(asker, check.k)


def regions(check: Check) -> None:
    asker, k = check.asker, check.k
    options = [(r.id, r.label) for r in k.regions.values() if r.id != "saddle"]
    for key, word in (("pain", "does it hurt"), ("sensory", "is it numb or tingling")):
        asker.say()
        asker.say(f"Where {word}? Body areas:")
        asker.show(options)
        for side in ("left", "right"):
            for region in asker.choose_many(f"{side.capitalize()} leg", options):
                item: dict[str, Any] = {"region": region, "side": side}
                if key == "sensory":
                    label = k.regions[region].label
                    item["repeatable"] = bool(
                        asker.yes_no(f"Same spot each time you check ({label})?")
                    )
                check.findings[key].append(item)


def strength_tests(check: Check) -> None:
    asker, k = check.asker, check.k
    suggested = suggested_tests(check.assess().to_dict())
    asker.say()
    asker.say(
        f"Strength tests: the {len(suggested)} that fit what you said. Strength says more "
        "than where it hurts. Skip any you cannot do safely."
    )
    for test in suggested:
        one_test(check, test)
    others = [t for t in TEST_ORDER if t not in suggested]
    names = ", ".join(k.home_tests[t].name for t in others)
    if others and asker.go_on(f"Try other tests too ({names})?"):
        for test in others:
            one_test(check, test)


def one_test(check: Check, test_id: str) -> None:
    test, asker = check.k.home_tests[test_id], check.asker
    asker.say()
    asker.say(f"{test.name}: {' '.join(test.how)} Safety: {test.safety}")
    left, right = asker.count("Left"), asker.count("Right")
    if left is not None or right is not None:
        entry: dict[str, Any] = {"test": test.id}
        entry.update({s: v for s, v in (("left", left), ("right", right)) if v is not None})
        check.findings["function"].append(entry)


def root_part(check: Check) -> None:
    asker = check.asker
    asker.say()
    asker.say("Now four questions about nerve-root irritation.")
    for q in (q for q in check.k.questions.values() if q.group == "checklist"):
        answer = asker.yes_no(q.text)
        if answer is not None:
            check.findings["answers"][q.id] = answer
    regions(check)
    strength_tests(check)


def run_check(stdin: TextIO, out: TextIO, save: str | None = None, fmt: str = "text") -> int:
    k = load_knowledge()
    check = Check(Asker(stdin, out), k)
    check.asker.say("Radiculog self-check. " + k.disclaimer)
    check.asker.say("First the danger signs, in three short lists.")
    code = 0
    try:
        for place, (slug, items) in enumerate(danger_groups(k), 1):
            ask_group(check, place, slug, items)
        urgency_answer(check)
        check.asker.say()
        if check.asker.go_on("Go on to which nerve root it is (about three minutes)?"):
            root_part(check)
        finish(check, out, fmt)
    except Stop:
        pass
    except Ended:
        check.asker.say()
        check.asker.say("Stopped before the end: your answers so far are not a complete check.")
        code = 1
    if save:
        Path(save).write_text(json.dumps(check.findings, indent=2) + "\n", encoding="utf-8")
        check.asker.say(f"Saved your answers to {save}.")
    return code


def finish(check: Check, out: TextIO, fmt: str) -> None:
    a = check.assess()
    check.asker.say()
    if fmt == "json":
        out.write(json.dumps(a.to_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    out.write(radiculog.render_text(a))
    if a.urgency.tier != "emergency":
        safety_net(check.asker, check.k)
