"""Plain-words wording from the engine's knowledge, passed through gettext.

The knowledge files are the one source of question wording, region labels and
home-test instructions, so the web pages, the command line and reports say the
same thing. Wrapping them in gettext lets a translation catalog supply a second
language without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from radiculog.engine.knowledge import Knowledge, load_knowledge


def knowledge() -> Knowledge:
    return load_knowledge()


def question(qid: str) -> str:
    return gettext(knowledge().questions[qid].text)


def short(qid: str) -> str:
    return gettext(knowledge().questions[qid].short)


def region(rid: str) -> str:
    return gettext(knowledge().regions[rid].label)


@dataclass(frozen=True)
class HomeTestWords:
    id: str
    name: str
    roots: tuple[str, ...]
    how: tuple[str, ...]
    safety: str
    watch_for: str


def home_test(test_id: str) -> HomeTestWords:
    t = knowledge().home_tests[test_id]
    return HomeTestWords(
        id=t.id,
        name=gettext(t.name),
        roots=t.roots,
        how=tuple(gettext(step) for step in t.how),
        safety=gettext(t.safety),
        watch_for=gettext(t.watch_for),
    )
