"""What a person writes is read for warning words, with negation (issue 18, class 6)."""

from __future__ import annotations

import re
import string
import tomllib
from typing import Any

import jsonschema
import pytest

import radiculog
from radiculog.engine import notes
from radiculog.engine.knowledge import load_knowledge
from tests.conftest import findings
from tests.engine.notes.score import SETS, load, radiculog_reader, score

K = load_knowledge()
RAW = tomllib.loads(
    (notes.resources.files("radiculog.knowledge") / "note_phrases.toml").read_text("utf-8")
)


@pytest.mark.parametrize("name", SETS)
def test_the_labelled_note_sets_are_read_with_high_precision_and_recall(name: str) -> None:
    """Both sets: every warning read and no negated one. The development set was tuned
    on; the held-out set's misses at its first runs are recorded in
    docs/decisions/notes-negation/ (a new miss: add the phrase, move the note)."""
    s = score(load(name), radiculog_reader)
    assert s.notes >= 60
    assert s.wrong == ()
    assert s.precision == 1.0 and s.recall == 1.0


def test_the_note_sets_hold_negations_both_ways() -> None:
    """Negated warnings (labelled not read) and cue words that do not negate."""
    all_notes = [n for name in SETS for n in load(name)]
    negated = [n for n in all_notes if not n.yes and re.search(r"\b(no|not|never)\b", n.text, re.I)]
    not_negating = [n for n in all_notes if n.yes and re.search(r"\b(not|no)\b", n.text, re.I)]
    assert len(negated) >= 20 and len(not_negating) >= 8


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("numb when I wipe", "saddle_numbness"),
        ("cant feel the toilet paper", "saddle_numbness"),
        ("Can't feel the toilet paper", "saddle_numbness"),
        ("I can not feel the toilet paper", "saddle_numbness"),
        ("wet myself", "bladder_change"),
        ("trouble peeing", "bladder_change"),
        ("POOED MYSELF", "bowel_change"),
        ("both legs", "both_legs"),
        ("fever", "fever"),
        ("sweats at night", "fever"),
    ],
)
def test_everyday_words_and_casing_are_read(text: str, question: str) -> None:
    assert question in {s.question for s in notes.read(text)}


@pytest.mark.parametrize(
    "text",
    [
        "no numbness",
        "not numb when I wipe",
        "never lost control of my bladder",
        "no numbness when I wipe",
        "I don't have a fever",
        "bladder problems: none",
        "no fever, night sweats or weight loss",
    ],
)
def test_a_negated_warning_is_not_read(text: str) -> None:
    assert notes.read(text) == ()


def test_a_note_saying_numb_when_i_wipe_overrides_a_no_to_the_saddle_question() -> None:
    calm = findings()
    assert radiculog.assess(calm).urgency.tier == "watchful"
    a = radiculog.assess({**calm, "notes": "Numb when I wipe since Sunday"})
    assert a.urgency.tier == "emergency"
    first = a.urgency.reasons[0]
    assert first.id == "note_saddle_numbness"
    assert first.text.startswith('You wrote "Numb when I wipe": that is a warning sign')
    assert "chapman2001" in first.sources


def test_a_negated_note_never_reads_as_no() -> None:
    """A yes answer stays yes whatever the note says against it."""
    doc = findings(answers={"bladder_change": True}, notes="no bladder problems at all")
    a = radiculog.assess(doc)
    assert a.urgency.tier == "emergency" and a.notes_read == ()


def test_what_was_read_is_said_back_in_text_and_json(assessment_schema: dict[str, Any]) -> None:
    doc = findings(answers={"fever": True}, notes="Fever and I wet myself. No numbness.")
    a = radiculog.assess(doc)
    read = {s.question: s for s in a.notes_read}
    assert read.keys() == {"bladder_change", "fever"}  # said back even if already yes
    text = radiculog.render_text(a)
    assert 'You wrote "wet myself": that is a warning sign (new bladder trouble).' in " ".join(
        text.split()
    )
    out = a.to_dict()
    jsonschema.validate(out, assessment_schema)
    item = next(i for i in out["notes_read"] if i["question"] == "fever")
    assert item == {
        "question": "fever",
        "sign": "fever with back pain",
        "quote": "Fever",
        "text": 'You wrote "Fever": that is a warning sign (fever with back pain).',
        "from": "notes",
        "at": None,
        "sources": ["nhs_back_pain", "finucane2020", "yusuf2019"],
    }
    assert {"nhs_back_pain", "girft2023", "chapman2001"} <= out["sources"].keys()


def _log(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "radiculog/log@1", "entries": list(entries)}


def test_a_log_reads_every_entrys_notes_triggers_and_easers() -> None:
    calm = findings()
    log = _log(
        {"at": "2026-11-20T08:00:00Z", "findings": calm, "triggers": "coughing; wet myself"},
        {"at": "2026-11-21T08:00:00Z", "findings": calm, "easers": "lying down"},
    )
    a = radiculog.trend(log)
    assert a.urgency.tier == "emergency"
    assert "earlier_note_bladder_change" in {r.id for r in a.urgency.reasons}
    (sign,) = a.notes_read
    assert (sign.where, sign.quote) == ("triggers", "wet myself")
    assert sign.said.startswith("In your log entry of Fri 20 Nov 2026 at 08:00, you wrote")
    assert a.to_dict()["notes_read"][0]["at"] == "2026-11-20T08:00:00+00:00"


def test_the_newest_log_entrys_easers_are_read_too() -> None:
    calm = findings()
    log = _log(
        {
            "at": "2026-11-21T08:00:00Z",
            "findings": calm,
            "easers": "lying down helps; both legs ache",
        }
    )
    a = radiculog.trend(log)
    assert a.urgency.tier == "emergency"
    assert a.urgency.reasons[0].id == "note_both_legs"


def test_the_phrase_file_names_known_questions_and_sources() -> None:
    for sign in RAW["signs"]:
        assert sign["question"] in K.questions, sign["question"]
        assert set(sign["sources"]) <= K.sources.keys()
        for phrase in sign["phrases"]:
            re.compile(phrase)
    assert set(RAW["negation"]["sources"]) <= K.sources.keys()
    for key in ("said", "said_in_log"):
        fields = {f for _, f, _, _ in string.Formatter().parse(RAW[key]) if f}
        assert fields <= {"quote", "sign", "when"}


def test_every_question_a_note_answers_is_a_question_a_rule_reads() -> None:
    read = {q for r in K.rules for q in (*r.when_yes, *r.when_not_no)}
    read |= {q for _, alternatives in K.derived for a in alternatives for q in a.when_yes}
    assert notes.questions() <= read


def test_the_quote_is_the_persons_own_words_and_spacing_is_squeezed() -> None:
    (sign,) = notes.read("I  CAN\u2019T\n feel the   toilet paper")
    assert sign.quote == "CAN\u2019T feel the toilet paper"
