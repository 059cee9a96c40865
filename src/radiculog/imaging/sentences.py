"""Split a report into statements and clauses, and carry level headings.

A report has sections (history, technique, findings, impression). Only the
sections that describe the scan are read: a history line such as "?cauda
equina" names a worry, not a finding. A skipped section ends at the next
heading, at a blank line after its text, or at a line that describes the scan
(names a level or a finding and asks nothing): reports often put the findings
straight after "HISTORY: ..." with no heading (issue 13). A line that starts
with a level ("L4-5: ...", "At L4-L5, ...") gives that level to the sentences
after it until a blank line or the next heading. Table rows ("|L4-L5:| bulge |")
are read as lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radiculog.imaging.levels import find_levels
from radiculog.imaging.vocabulary import load_vocabulary

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:dr|vs|approx|e\.g|i\.e|cf|fig|no|incl|ca|bzw|z\.b|ggf)|\bo\.b|\bdr\.\s+[a-z])\.$",
    re.IGNORECASE,
)  # "Dr. C. Imaging": a name's initial does not end the sentence
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9ÄÖÜ])")
_BULLET = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-•*–]|[a-z]\))\s+")
_HEADING_TAIL = re.compile(r"^\s*(?:level|disc|disk|segment)?\s*[:\-–—]?\s*$", re.I)
_LEVEL_HEADING = re.compile(r"^[^.,;]{0,30}?[:–—]|^\s*\S+\s+-\s", re.IGNORECASE)
WRAP_WIDTH = 45  # a line at least this long may have been wrapped
# Words a sentence does not end with: a line ending in one was wrapped.
_NEGATION_END = ("no", "not", "without", "kein", "keine", "keinen", "ohne")
_JOINING_END = ("of", "and", "or", "the", "with", "to", "at", "in", "a", "an")
_GERMAN_END = ("mit", "der", "die", "das", "und", "oder")
_CANNOT_END = frozenset(_NEGATION_END + _JOINING_END + _GERMAN_END)
_TERMINAL = re.compile(r"[.:;!?]\s*$")
_LEAD_IN = re.compile(r"^\s*(?:at(?: the)?|level|on|in|bei)?\s*$", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(
    r";|,\s*(?=(?:with|and|while|but|whereas|as well as|also|however|plus)\b)", re.IGNORECASE
)


@dataclass(frozen=True)
class Statement:
    text: str
    context: tuple[str, ...]  # levels given by the line's heading, if any
    paragraph: int = 0  # statements in one paragraph share level context (reader.py)


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
    if _list_levels(line) or (_BULLET.match(prev) and line.lstrip()[:1].isupper()):
        return False  # a list item ends at its line; "... at L2-3 with:" opens a new list
    last_word = prev.split()[-1].lower()
    wrapped = len(prev.rstrip()) >= WRAP_WIDTH or prev.rstrip().endswith((",", "-"))
    wrapped = wrapped or last_word in _CANNOT_END  # "... Keine" / "Spinalkanalstenose."
    return wrapped or line.lstrip()[:1].islower()


def _table_row(line: str) -> str:
    """'|L4-L5:| Disc bulge | mild stenosis |' -> 'L4-L5: Disc bulge; mild stenosis'."""
    if not line.lstrip().startswith("|"):
        return line
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c and not re.fullmatch(r"[-:= ]+", c)]
    if not cells or not find_levels(" ".join(cells))[0]:
        return ""  # a header row ("| Level | Finding |") or a rule
    head, rest = cells[0], cells[1:]
    if rest and find_levels(head)[0] and not head.endswith(":"):
        head += ":"
    return " ".join([head, "; ".join(rest)]) if rest else head


def describes_scan(line: str) -> bool:
    """Does a line under a history heading read as findings (a level or a finding, no question)?"""
    from radiculog.imaging.findings import cauda_equina_phrases, mentions

    vocab = load_vocabulary()
    if vocab.request_cues.search(line):
        return False
    found, _ = mentions(line)
    return bool(found or cauda_equina_phrases(line)) and (
        bool(find_levels(line)[0]) or any(not m.other for m in found)
    )


def _after_request(line: str) -> tuple[str, bool]:
    """The part of a history line from its first sentence that describes the scan, and whether
    the section is still being skipped."""
    parts = _split_line(line)
    for i, part in enumerate(parts[1:], start=1):
        if heading_levels(part)[0] or describes_scan(part):
            return " ".join(parts[i:]), False
    return "", True


def _runs_on_after_blank(prev: str, line: str) -> bool:
    """'... spinal canal stenosis of moderate' / (blank) / 'to severe degree.': a sentence cut by
    the layout goes on after a blank line when the line after starts in lower case (issue 21)."""
    if not prev.strip() or _TERMINAL.search(prev) or _BULLET.match(line):
        return False
    if heading_levels(prev)[1] or _section_change(prev)[0] or _section_change(line)[0]:
        return False
    return line.lstrip()[:1].islower()


def _lines(text: str) -> list[str]:
    lines: list[str] = []
    last = -1  # index of the last line with text
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _table_row(raw)
        after_blank = line.strip() and 0 <= last < len(lines) - 1
        if after_blank and _runs_on_after_blank(lines[last], line):
            del lines[last + 1 :]
            lines[last] = lines[last].rstrip() + " " + line.strip()
            continue
        if lines and _continues(lines[-1], line):
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line)
        last = len(lines) - 1 if lines[-1].strip() else last
    return lines


def _list_levels(line: str) -> tuple[str, ...]:
    """'Severe spinal canal stenosis at L4-5 with:' gives its levels to the list items below it."""
    if not line.rstrip().endswith(":"):
        return ()
    return tuple(lv for m in find_levels(line)[0] for lv in m.levels)


def statements(text: str) -> list[Statement]:
    """The sentences of the parts of the report that describe the scan.

    A level line's level also covers the next line when the level line is long, because
    that is how text copied out of a PDF arrives: one sentence wrapped over several lines.
    """
    out: list[Statement] = []
    skipping = False
    skipped_text = False  # the skipped section has had its text: a blank line now ends it
    paragraph = 0
    context: tuple[str, ...] = ()  # from a level standing alone on its line
    fresh = False  # that level heading has no text under it yet: a blank line keeps it
    carry: tuple[str, ...] = ()  # from the last level line, while its lines run on
    listed: tuple[str, ...] = ()  # from a line ending in ":" that names levels, for its list
    for raw in _lines(text):
        kind, line = _section_change(raw)
        if not raw.strip() and kind is None and fresh:
            continue  # "L4-5:" / (blank) / "Disc bulge ...": the heading still covers the text
        if not raw.strip() or kind is not None:
            context = carry = listed = ()
            fresh = False
            paragraph += 1
            if kind is not None:
                skipping, skipped_text = kind == "skip", bool(line.strip())
            elif skipping and skipped_text:
                skipping = False  # the history paragraph is over
        elif skipping and skipped_text and (heading_levels(line)[0] or describes_scan(line)):
            skipping = False  # "HISTORY: back pain." then the findings, with no heading
            paragraph += 1
        elif skipping:
            skipped_text = True
        if skipping and kind == "skip" and line.strip():
            # "HISTORY: back pain. Large L4-5 extrusion ...": the findings may share its line
            line, skipping = _after_request(line)
        if skipping or not line.strip():
            continue
        levels, alone = heading_levels(line)
        if alone:
            context, carry, paragraph, fresh, listed = levels, (), paragraph + 1, True, ()
            continue
        if levels:
            context = ()  # a new level line ends the heading above it
        item = bool(_BULLET.match(line)) and listed
        listed = listed if item else _list_levels(line)
        own = levels or (listed if item else ()) or carry or context
        out.extend(Statement(s, own, paragraph) for s in _split_line(line))
        fresh = False
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
