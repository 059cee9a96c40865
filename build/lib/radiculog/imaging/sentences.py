"""Split a report into statements and clauses, and carry level headings.

A report has sections (history, technique, findings, impression). Only the
sections that describe the scan are read: a history line such as "?cauda
equina" names a worry, not a finding. A line that starts with a level
("L4-5: ...", "At L4-L5, ...") gives that level to the sentences after it
until a blank line or the next heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radiculog.imaging.levels import find_levels
from radiculog.imaging.vocabulary import load_vocabulary

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:dr|vs|approx|e\.g|i\.e|cf|fig|no|incl|ca|bzw|z\.b|ggf)|\bo\.b)\.$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9ÄÖÜ])")
_BULLET = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-•*–]|[a-z]\))\s+")
_HEADING_TAIL = re.compile(r"^\s*(?:level|disc|disk|segment)?\s*[:\-–—]?\s*$", re.I)
_LEVEL_HEADING = re.compile(r"^[^.,;]{0,30}?[:–—]|^\s*\S+\s+-\s", re.IGNORECASE)
WRAP_WIDTH = 45  # a line at least this long may have been wrapped
_TERMINAL = re.compile(r"[.:;!?]\s*$")
_LEAD_IN = re.compile(r"^\s*(?:at(?: the)?|level|on|in|bei)?\s*$", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(
    r";|,\s*(?=(?:with|and|while|but|whereas|as well as|also|however|plus)\b)", re.IGNORECASE
)


@dataclass(frozen=True)
class Statement:
    text: str
    context: tuple[str, ...]  # levels given by the line's heading, if any


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        piece = line[start : m.start()]
        if _ABBREVIATIONS.search(piece) or re.fullmatch(r"\s*\(?\d{1,2}[.)]", piece):
            continue
        parts.append(piece)
        start = m.end()
    parts.append(line[start:])
    return [p for p in (_BULLET.sub("", p).strip() for p in parts) if re.search(r"[A-Za-z]", p)]


def heading_levels(line: str) -> tuple[tuple[str, ...], bool]:
    """Levels a line opens with ("L4-5: ...", "At L4-L5, ...", "L1-2, L2-3: ...") and whether
    the line is only that heading (then it also covers the lines below it)."""
    mentions, _ = find_levels(line)
    if not mentions or not _LEAD_IN.match(_BULLET.sub("", line[: mentions[0].start])):
        return (), False
    group = list(mentions[0].levels)
    end = mentions[0].end
    for m in mentions[1:]:  # "L1-2, L2-3 and L3-4: no stenosis"
        if not re.fullmatch(r"\s*(?:,|and|&|/|;)?\s*", line[end : m.start]):
            break
        group.extend(m.levels)
        end = m.end
    return tuple(group), bool(_HEADING_TAIL.match(line[end:]))


def _section_change(line: str) -> tuple[str | None, str]:
    """('skip' | 'read' | None, the line without its heading)."""
    vocab = load_vocabulary()
    for kind, pattern in (("read", vocab.read_sections), ("skip", vocab.skip_sections)):
        m = pattern.match(line)
        if m:
            return kind, line[m.end() :]
    return None, line


def _continues(prev: str, line: str) -> bool:
    """Is `line` the rest of `prev`, wrapped when the report was copied out of a PDF?"""
    if not prev.strip() or not line.strip() or _TERMINAL.search(prev):
        return False
    if _BULLET.match(line) or _section_change(line)[0]:
        return False
    kind, rest = _section_change(prev)
    if kind and not rest.strip():  # a heading alone on its line
        return False
    if heading_levels(prev)[1]:
        return False
    if heading_levels(line)[0] and _LEVEL_HEADING.match(line):  # "L5-S1: ..." starts anew
        return False
    wrapped = len(prev.rstrip()) >= WRAP_WIDTH or prev.rstrip().endswith((",", "-"))
    return wrapped or line.lstrip()[:1].islower()


def _lines(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if lines and _continues(lines[-1], line):
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line)
    return lines


def statements(text: str) -> list[Statement]:
    """The sentences of the parts of the report that describe the scan.

    A level line's level also covers the next line when the level line is long, because
    that is how text copied out of a PDF arrives: one sentence wrapped over several lines.
    """
    out: list[Statement] = []
    skipping = False
    context: tuple[str, ...] = ()  # from a level standing alone on its line
    carry: tuple[str, ...] = ()  # from the last level line, while its lines run on
    for raw in _lines(text):
        kind, line = _section_change(raw)
        if not raw.strip() or kind is not None:
            context = carry = ()
            skipping = skipping if kind is None else kind == "skip"
        if skipping or not line.strip():
            continue
        levels, alone = heading_levels(line)
        if alone:
            context, carry = levels, ()
            continue
        if levels:
            context = ()  # a new level line ends the heading above it
        out.extend(Statement(s, levels or carry or context) for s in _split_line(line))
        carry = (levels or carry) if len(line.rstrip()) >= WRAP_WIDTH else ()
    return out


def clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) pieces of one sentence, split where a new finding usually starts."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _CLAUSE_SPLIT.finditer(sentence):
        if m.start() > start:
            out.append((start, sentence[start : m.start()]))
        start = m.end()
    out.append((start, sentence[start:]))
    return [(o, c) for o, c in out if c.strip()]
