"""Compare negation for the note reader: Radiculog's own NegEx-style rules against
medspaCy ConText and negspaCy NegEx (issue 18, class 6).

All three readers see the same candidate phrases (knowledge/note_phrases.toml, found
without any negation); only the negation decision differs. Scored with the note sets'
own scorer (tests/engine/notes/score.py): precision and recall over (note, question).

    python3.11 -m venv /tmp/notes-medspacy-venv
    /tmp/notes-medspacy-venv/bin/pip install medspacy negspacy
    PYTHONPATH=src:. /tmp/notes-medspacy-venv/bin/python docs/decisions/notes-negation/compare.py
"""

from __future__ import annotations

import time

from loguru import logger
from collections.abc import Callable

import medspacy
from negspacy.negation import Negex  # noqa: F401  (registers the "negex" factory)
from spacy.tokens import Doc, Span

from radiculog.engine import notes
from tests.engine.notes.score import SETS, load, score

logger.remove()  # PyRuSH logs every sentence at DEBUG

Candidate = tuple[str, int, int]  # question, start, end in the original text


def candidates(text: str) -> list[Candidate]:
    """Every phrase match, negated or not, as (question, start, end) in ``text``."""
    norm, places = notes.normalised(text)
    found = []
    for sign in notes._reader().signs:
        for m in sign.pattern.finditer(norm):
            found.append((sign.question, places[m.start()], places[m.end() - 1] + 1))
    return found


def own(text: str) -> frozenset[str]:
    return frozenset(s.question for s in notes.read(text))


def _spans(doc: Doc, found: list[Candidate]) -> list[tuple[str, Span]]:
    spans = []
    for question, start, end in found:
        span = doc.char_span(start, end, label="SIGN", alignment_mode="expand")
        if span is not None:
            spans.append((question, span))
    return spans


def library_reader(negated: Callable[[Doc, list[Span]], list[bool]]) -> Callable[[str], frozenset[str]]:
    def reader(text: str) -> frozenset[str]:
        found = candidates(text)
        if not found:
            return frozenset()
        doc = SPLIT(text)
        spans = _spans(doc, found)
        flags = negated(doc, [s for _, s in spans])
        return frozenset(q for (q, _), neg in zip(spans, flags, strict=True) if not neg)

    return reader


SPLIT = medspacy.load(medspacy_enable=["medspacy_pyrush"])
CONTEXT = medspacy.load(medspacy_enable=["medspacy_pyrush", "medspacy_context"]).get_pipe(
    "medspacy_context"
)



def context_negated(doc: Doc, spans: list[Span]) -> list[bool]:
    # One span at a time: overlapping phrases cannot all be doc.ents together.
    out = []
    for span in spans:
        d = SPLIT(doc.text)
        s = d.char_span(span.start_char, span.end_char, label="SIGN")
        d.ents = [s]
        CONTEXT(d)
        out.append(bool(d.ents[0]._.is_negated))
    return out


def _negex_pipe():  # negspaCy on a blank English pipeline with a sentencizer
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("negex", config={"ent_types": ["SIGN"]})
    return nlp


NEGEX_NLP = _negex_pipe()


def negex_negated(doc: Doc, spans: list[Span]) -> list[bool]:
    out = []
    for span in spans:
        d = NEGEX_NLP.make_doc(doc.text)
        for name, pipe in NEGEX_NLP.pipeline:
            if name == "negex":
                continue
            d = pipe(d)
        s = d.char_span(span.start_char, span.end_char, label="SIGN")
        d.ents = [s]
        d = NEGEX_NLP.get_pipe("negex")(d)
        out.append(bool(d.ents[0]._.negex))
    return out


def main() -> None:
    readers = {
        "radiculog (own NegEx rules)": own,
        "medspaCy ConText (default rules)": library_reader(context_negated),
        "negspaCy NegEx (en_clinical termset)": library_reader(negex_negated),
    }
    for name in SETS:
        notes_set = load(name)
        print(f"\n## {name} ({len(notes_set)} notes)")
        for label, reader in readers.items():
            t0 = time.process_time()
            s = score(notes_set, reader)
            dt = time.process_time() - t0
            print(
                f"{label}: precision {s.precision:.1%} recall {s.recall:.1%} "
                f"(TP {s.true_pos}, FP {s.false_pos}, FN {s.false_neg}); "
                f"{len(notes_set) / dt:,.0f} notes/s"
            )
            for text, read, labelled in s.wrong:
                print(f"    {text!r}: read {sorted(read)}, labelled {sorted(labelled)}")


if __name__ == "__main__":
    main()
