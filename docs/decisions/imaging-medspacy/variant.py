"""The medspaCy variant of the imaging reader, kept as a record of the comparison (issue 13).

Same interface as radiculog.imaging.read_report. It swaps the two parts an established clinical
NLP toolkit offers for the hand-written ones and keeps everything else (levels, findings, roots):
- sections: medspaCy's Sectionizer (default rules plus the report headings below) decides which
  text is history/indication/technique and drops it, instead of sentences.py's rules;
- negation: medspaCy's ConText (NegEx successor, default rules) decides what a negation cue
  covers, instead of mention.negated_at and the post-cue list.
Runs on a blank spaCy pipeline (no model download). Not shipped: see docs/imaging.md.
Needs `pip install medspacy` (not in requirements/lock.txt); run compare.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import spacy
from loguru import logger
from medspacy.section_detection import SectionRule

import radiculog.imaging.findings as findings_mod
import radiculog.imaging.mention as mention_mod
import radiculog.imaging.sentences as sentences_mod
import radiculog.imaging.stenosis as stenosis_mod
from radiculog.imaging import ImagingReport
from radiculog.imaging import read_report as hand_written_read_report

logger.remove()  # PyRuSH logs every sentence split at DEBUG

SKIP = {"history", "past_medical_history", "history_of_present_illness", "chief_complaint",
        "indication", "reason_for_examination", "technique", "comparison"}  # fmt: skip
MAX_SKIP_TOKENS = 15  # tried on the development set: 15, 25, 40, 80 (15 best)
HEADINGS = {
    "history": ["history", "clinical history", "patient history", "presentation",
                "clinical information", "clinical details", "clinical indication", "indication",
                "indications", "reason for exam", "reason for examination", "clinical question"],
    "technique": ["technique", "protocol", "sequences", "exam", "examination"],
    "comparison": ["comparison"],
    "findings": ["findings", "image findings", "imaging findings", "mri findings", "impression",
                 "conclusion", "comment", "comments", "report", "opinion", "summary",
                 "interpretation", "befund", "beurteilung"],
}  # fmt: skip


@cache
def _section_nlp() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("medspacy_pyrush")
    sectionizer = nlp.add_pipe("medspacy_sectionizer", config={"rules": "default"})
    rules = []
    for category, titles in HEADINGS.items():
        # a skipped section's text is short: max_scope (tokens) ends it where findings may begin
        scope = MAX_SKIP_TOKENS if category in SKIP else None
        for title in titles:
            # a heading opens a sentence (PyRuSH): "history" inside a sentence is not one
            words = [{"LOWER": w} for w in title.split()]
            words[0]["IS_SENT_START"] = True
            pattern = [*words, {"TEXT": ":", "OP": "?"}]
            rules.append(SectionRule(category=category, literal=title, pattern=pattern,
                                     max_scope=scope))  # fmt: skip
    sectionizer.add(rules)
    return nlp


@cache
def _context_nlp() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("medspacy_pyrush")
    nlp.add_pipe("medspacy_context", config={"rules": "default"})
    return nlp


def kept_text(text: str) -> str:
    """The report without the sections the Sectionizer calls history, indication or technique
    (and without headings); text past a rule's max_scope belongs to no section and is kept."""
    doc = _section_nlp()(text)
    kept = []
    for token in doc:
        section = token._.section
        if section is None:
            kept.append(token.text_with_ws)
        elif section.category not in SKIP and not (
            section.title_span[0] <= token.i < section.title_span[1]
        ):
            kept.append(token.text_with_ws)
    return "".join(kept)


@lru_cache(maxsize=8192)
def _negated_scopes(text: str) -> tuple[tuple[int, int], ...]:
    doc = _context_nlp()(text)
    out = []
    for m in doc._.context_graph.modifiers:
        if m.category != "NEGATED_EXISTENCE":
            continue
        s0, s1 = m.scope_span
        if s1 > s0:
            out.append((doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1])))
    return tuple(out)


def context_negated_at(text: str, pos: int) -> bool:
    """ConText's answer to 'is the word at pos negated?'."""
    return any(a <= pos < b for a, b in _negated_scopes(text))


@contextlib.contextmanager
def _medspacy_parts() -> Iterator[None]:
    saved = (mention_mod.negated_at, findings_mod.negated_at, stenosis_mod.negated_at,
             findings_mod._post_negated, sentences_mod._section_change)  # fmt: skip
    mention_mod.negated_at = context_negated_at
    findings_mod.negated_at = context_negated_at
    stenosis_mod.negated_at = context_negated_at
    findings_mod._post_negated = lambda after: False  # ConText's own backward cues cover it
    sentences_mod._section_change = lambda line: (None, line)  # the Sectionizer did it
    try:
        yield
    finally:
        (mention_mod.negated_at, findings_mod.negated_at, stenosis_mod.negated_at,
         findings_mod._post_negated, sentences_mod._section_change) = saved  # fmt: skip


def read_report(text: str) -> ImagingReport:
    """radiculog.imaging.read_report with medspaCy's Sectionizer and ConText."""
    with _medspacy_parts():
        return hand_written_read_report(kept_text(text))
