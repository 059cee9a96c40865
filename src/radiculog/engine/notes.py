"""Warning words in what a person writes (knowledge/note_phrases.toml).

A phrase found and not negated reads as "yes" to its question. Negation follows NegEx
(Chapman 2001): a cue a few words before the phrase, in the same clause, with no
terminator between; pseudo-cues ("not sure", "no longer") are not negations. A negated
phrase is only not read: it is never read as "no", and a note never lowers a tier.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from datetime import datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from radiculog.engine.findings import Findings

if TYPE_CHECKING:
    from radiculog.contract.parse import LogEntry

# Negative contractions written without the apostrophe (which reading drops) or in full.
_CONTRACTIONS = {
    "cant": "(?:cant|can ?not)",
    "wont": "(?:wont|will not)",
    "im": "(?:im|i am)",
    **{
        f"{verb}nt": f"(?:{verb}nt|{verb} not)"
        for verb in (
            *("do", "did", "does", "have", "has", "had"),
            *("is", "are", "was", "were", "could", "would", "should"),
        )
    },
}
_WORD = re.compile(r"\b(" + "|".join(_CONTRACTIONS) + r")\b")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_GAP = "[ \n]"
_APOSTROPHES = "'\u2019\u2018`\u00b4"


class NoteSign(NamedTuple):
    """A warning phrase read in a person's words."""

    question: str
    sign: str  # the sign's own words (note_phrases.toml)
    quote: str  # the person's words, as written
    said: str  # what is said back: You wrote "...": that is a warning sign (...)
    sources: tuple[str, ...]
    where: str = "notes"  # the field written in: notes, or a log entry's triggers, easers
    at: datetime | None = None  # a log entry's time


class _Sign(NamedTuple):
    question: str
    sign: str
    pattern: re.Pattern[str]
    sources: tuple[str, ...]
    # Read only when the onset is unknown or at most this many days ago (a plain
    # description, "both legs ache", is not news after years; see note_phrases.toml).
    onset_within_days: int | None = None


class _Reader(NamedTuple):
    signs: tuple[_Sign, ...]
    cues: re.Pattern[str]
    pseudo: re.Pattern[str]
    terminators: re.Pattern[str]
    post_cues: re.Pattern[str]
    window: int
    said: str
    said_in_log: str
    sources: tuple[str, ...]


def _phrase(phrase: str) -> str:
    return _WORD.sub(lambda m: _CONTRACTIONS[m[1]], phrase).replace(" ", _GAP)


def _regex(phrases: list[str]) -> str:
    """Alternatives on whole words, contractions read with or without their "not"; a
    phrase may run over a line break (which otherwise ends a clause)."""
    body = "|".join(f"(?:{_phrase(p)})" for p in phrases)
    return rf"(?<!\w)(?:{body})(?!\w)"


@cache
def _reader() -> _Reader:
    text = resources.files("radiculog.knowledge").joinpath("note_phrases.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    neg = raw["negation"]
    signs = tuple(
        _Sign(
            s["question"],
            s["sign"],
            re.compile(_regex(s["phrases"])),
            tuple(s["sources"]),
            s.get("onset_within_days"),
        )
        for s in raw["signs"]
    )
    return _Reader(
        signs,
        re.compile(_regex(neg["cues"])),
        re.compile(_regex(neg["pseudo"])),
        re.compile(_regex(neg["terminators"])),
        re.compile("|".join(f"(?:{p})" for p in neg["post_cues"])),
        int(neg["window"]),
        raw["said"],
        raw["said_in_log"],
        tuple(neg["sources"]),
    )


def questions() -> frozenset[str]:
    """The questions a note can answer (a test checks each is in the vocabulary)."""
    return frozenset(s.question for s in _reader().signs)


def negation_sources() -> tuple[str, ...]:
    return _reader().sources


def normalised(text: str) -> tuple[str, list[int]]:
    """Small letters, apostrophes dropped, spaces squeezed (line breaks kept: they end a
    clause); with, for each character, its place in ``text`` (to quote the person)."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in _APOSTROPHES:
            continue
        low = ch.lower()
        if ch == "\n" or (ch.isspace() and out and out[-1] == "\n"):
            low = "\n"
            if out and out[-1] in " \n":
                out[-1] = "\n"
                continue
        elif ch.isspace():
            if out and out[-1] in " \n":
                continue
            low = " "
        elif len(low) != 1:
            low = ch
        out.append(low)
        where.append(i)
    return "".join(out), where


def negated(text: str, start: int, end: int) -> bool:
    """The phrase at text[start:end] is negated: a cue at most ``window`` words before
    it in its clause, nothing ending the cue's reach between, or a post-cue after it."""
    r = _reader()
    if r.post_cues.match(text, end):
        return True
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    before = r.pseudo.sub(lambda m: "_" * len(m[0]), text[clause:start])
    cues = list(r.cues.finditer(before))
    if not cues:
        return False
    between = before[cues[-1].end() :]
    return not r.terminators.search(between) and len(between.split()) <= r.window


def read(
    text: str | None, where: str = "notes", when: str = "", days_since_onset: int | None = None
) -> tuple[NoteSign, ...]:
    """Every warning sign the text names and does not negate, once per question, in the
    knowledge file's order, each with the person's own words (``when``: a log entry's
    date and time, for the words said back; ``days_since_onset`` the findings' own)."""
    if not text or not text.strip():
        return ()
    r = _reader()
    template = r.said_in_log if when else r.said
    norm, places = normalised(text)
    found: list[NoteSign] = []
    for sign in r.signs:
        limit = sign.onset_within_days
        if limit is not None and days_since_onset is not None and days_since_onset > limit:
            continue
        if any(f.question == sign.question for f in found):
            continue
        for m in sign.pattern.finditer(norm):
            if not negated(norm, m.start(), m.end()):
                quote = text[places[m.start()] : places[m.end() - 1] + 1]
                quote = " ".join(quote.split())
                said = template.format(quote=quote, sign=sign.sign, when=when)
                found.append(NoteSign(sign.question, sign.sign, quote, said, sign.sources, where))
                break
    return tuple(found)


ENTRY_FIELDS = ("notes", "triggers", "easers")


def entry_findings(entry: LogEntry) -> Findings:
    """A log entry's findings with its triggers and easers added to the notes, so the
    screen reads everything the person wrote in the entry."""
    extra = [text for text in (entry.triggers, entry.easers) if text and text.strip()]
    if not extra:
        return entry.findings
    notes = "\n".join([entry.findings.notes or "", *extra]).strip()
    return replace(entry.findings, notes=notes)


def entry_signs(entry: LogEntry, when: str) -> tuple[NoteSign, ...]:
    """What an entry's notes, triggers and easers were read as, each field on its own."""
    texts = (
        ("notes", entry.findings.notes),
        ("triggers", entry.triggers),
        ("easers", entry.easers),
    )
    found: dict[str, NoteSign] = {}
    for where, text in texts:
        for sign in read(text, where, when, entry.findings.days_since_onset):
            found.setdefault(sign.question, sign._replace(at=entry.at))
    return tuple(found.values())
