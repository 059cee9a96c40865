"""H6: the knowledge files' person-facing sentences are short and explain their terms.

Limit: no sentence over 25 words (the GOV.UK style guide's ceiling; the NHS content
style guide asks for 15 to 20 on average). A medical term from JARGON must be explained
where it is used: in brackets after plain words ("weak bones (osteoporosis)"), followed
by its plain words in brackets, or defined ("X means ..."), in the same item (one rule,
test, question, explanation, root; the imaging reader's plain words are one item, as
the page shows a finding's meaning beside it). Not checked: `remarks` and `norm_remarks`
(for reviewers), `rmdq.toml` (a validated questionnaire, never reworded), and the
jargon in a `tell` script (what to say to a clinician, who needs the term).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

from tests.knowledge.digest import KNOWLEDGE

LIMIT = 25
JARGON = (
    "abscess", "annular", "bilateral", "cauda equina", "claudication", "contralateral",
    "dermatom", "dorsiflex", "extrusion", "foramen", "foraminal", "herniation", "ipsilateral",
    "lateral recess", "metastatic", "micturition", "modic", "myelopathy", "myotom",
    "neurological", "neuropathy", "osteoporosis", "paracentral", "peroneal", "piriformis",
    "protrusion", "quadriceps", "radicular", "radiculopathy", "sacroiliac",
    "spondylolisthesis", "stenosis",
)  # fmt: skip
# Over the limit when this test was written (2026-11-27); all 22 were reworded in
# knowledge 2026.5. Rewording is a knowledge change for clinical review
# (docs/knowledge.md); strike each one off when it is done.
KNOWN_LONG: set[str] = set()
# (item, term) used without explanation when this test was written; "sacroiliac"
# (other.sacroiliac_or_buttock) was explained in knowledge 2026.5.
KNOWN_UNEXPLAINED: set[tuple[str, str]] = set()


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((KNOWLEDGE / name).read_text())


def _walk(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, where)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("sources", "remarks", "norm_remarks"):
                yield from _walk(item, f"{where}.{key}")


def person_facing() -> list[tuple[str, str]]:
    """(location, text) of every string a person reads; an item is all but the last part."""
    out: list[tuple[str, str]] = []
    advice = _load("advice.toml")
    for tier, a in advice["tiers"].items():
        for field in ("title", "do", "within", "tell"):
            out += _walk(a[field], f"advice.tiers.{tier}.{field}")
    out += _walk(advice["care"], "advice.care")
    out += _walk(advice["overlap"]["text"], "advice.overlap.text")
    out += _walk(advice["disclaimer"]["text"], "advice.disclaimer.text")
    for rule in _load("red_flags.toml")["rules"]:
        for field in ("text", "action", "tell"):
            out += _walk(rule.get(field, ""), f"red_flags.{rule['id']}.{field}")
    for rid, reason in _load("reasons.toml").items():
        for field in ("text", "action", "tell"):
            out += _walk(reason.get(field, ""), f"reasons.{rid}.{field}")
    for tid, test in _load("home_tests.toml")["tests"].items():
        for field in ("name", "how", "safety", "watch_for"):
            out += _walk(test[field], f"home_tests.{tid}.{field}")
    for e in _load("other_explanations.toml")["explanations"]:
        for field in ("title", "text"):
            out += _walk(e[field], f"other.{e['id']}.{field}")
    vocabulary = _load("vocabulary.toml")
    for qid, q in vocabulary["questions"].items():
        for field in ("text", "short"):
            out += _walk(q.get(field, ""), f"vocabulary.{qid}.{field}")
    for kind in ("regions", "reflexes", "provocation"):
        for rid, r in vocabulary[kind].items():
            out += _walk(r.get("label", ""), f"vocabulary.{rid}.label")
    for rid, root in _load("roots.toml")["roots"].items():
        out += _walk(root, f"roots.{rid}")
    out += _walk(_load("imaging_vocabulary.toml")["plain"], "imaging.plain")
    for d in _load("disagreements.toml")["disagreement"]:
        out += _walk(d["said"], f"disagreements.{d['id']}.said")
    phrases = _load("note_phrases.toml")
    for field in ("said", "said_in_log"):
        out += _walk(phrases[field], f"note_phrases.{field}.text")
    for sign in phrases["signs"]:
        out += _walk(sign["sign"], f"note_phrases.{sign['question']}.sign")
    return [(where, text) for where, text in out if text]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


def words(sentence: str) -> int:
    return len(re.findall(r"[\w{}']+", sentence))


def _item(where: str) -> str:
    return "imaging.plain" if where.startswith("imaging.plain") else where.rsplit(".", 1)[0]


def test_the_inventory_covers_every_person_facing_file() -> None:
    places = {where.split(".")[0] for where, _ in person_facing()}
    assert places == {"advice", "red_flags", "reasons", "home_tests", "other", "vocabulary",
                      "roots", "imaging", "disagreements", "note_phrases"}  # fmt: skip
    assert len(person_facing()) > 250


def test_no_new_sentence_is_longer_than_the_limit() -> None:
    long = {where for where, text in person_facing() if max(map(words, sentences(text))) > LIMIT}
    assert long - KNOWN_LONG == set(), "sentences over 25 words: split them"
    assert KNOWN_LONG - long == set(), "now within the limit: strike from KNOWN_LONG"


def _explained(term: str, texts: list[str]) -> bool:
    t = rf"\b{term}\w*"
    for text in texts:
        if re.search(rf"\([^)]*{t}[^)]*\)", text, re.I):  # plain words (term)
            return True
        if re.search(rf"{t}(\s\w+)?\s\(", text, re.I):  # term (plain words)
            return True
        if any(re.search(rf"{t}.*\b(means|is a)\b", s, re.I) for s in sentences(text)):
            return True
    return False


def test_no_new_medical_term_is_left_unexplained() -> None:
    by_item: dict[str, list[tuple[str, str]]] = {}
    for where, text in person_facing():
        by_item.setdefault(_item(where), []).append((where, text))
    unexplained = set()
    for item, texts in by_item.items():
        plain = [text for where, text in texts if not where.endswith(".tell")]
        for term in JARGON:
            used = any(re.search(rf"\b{term}", text, re.I) for text in plain)
            if used and not _explained(term, plain):
                unexplained.add((item, term))
    assert unexplained - KNOWN_UNEXPLAINED == set()
    assert KNOWN_UNEXPLAINED - unexplained == set(), "now explained: strike it off"
