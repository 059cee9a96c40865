"""Read hazard-log.md into the hazard log's data (the converter).

The Markdown grammar is the one the log has always used: `## Hn. Title`, then
bullets **Cause:** (sub-bullets or inline), **Effect:**, **Initial risk:** and
**Residual risk:** written "Severity × Likelihood = n", and a
`| control | verified by |` table. Any other block in a section is kept as a note,
in order, so nothing written there is lost. A stated risk that disagrees with the
matrix is an error naming the hazard.
"""

from __future__ import annotations

import re

from radiculog.safety.hazards import Control, Hazard, HazardLog, cited_tests, risk
from radiculog.safety.render_log import GENERATED

HEADING = re.compile(r"^## (H\d+)\. (.+)$")
RISK = re.compile(
    r"\*\*(?P<which>Initial|Residual) risk:\*\*\s*(?P<severity>[A-Z][a-z]+) × "
    r"(?P<likelihood>Very low|Very high|[A-Z][a-z]+)\s*=\s*\**(?P<value>\d)\**"
)
TABLE_HEAD = "| control | verified by |"
RISK_NOTE = re.compile(r"= \*\*\d\*\* (.+)$")


def _blocks(lines: list[str]) -> list[list[str]]:
    """Top-level bullets (with their indented lines), tables and paragraphs."""
    blocks: list[list[str]] = []
    for line in lines:
        if not line.strip():
            blocks.append([])
        elif line.startswith("  ") and blocks and blocks[-1]:
            blocks[-1].append(line)
        elif line.startswith("- ") or not blocks or not blocks[-1]:
            blocks.append([line])
        elif line.startswith("|") and blocks[-1][0].startswith("|"):
            blocks[-1].append(line)
        else:
            blocks[-1].append(line)
    return [b for b in blocks if b]


def _join(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines).strip()


def _risks(hazard: Hazard, text: str) -> str:
    """Fill the risks a bullet states; what follows each (its full stop, comma or
    words) is its note, kept as written."""
    matches = list(RISK.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        note = text[match.end() : end].rstrip()
        severity, likelihood = match["severity"], match["likelihood"]
        risk(severity, likelihood)  # a known severity and likelihood
        which = match["which"].lower()
        setattr(hazard, f"{which}_risk", int(match["value"]))
        setattr(hazard, f"{which}_severity", severity)
        setattr(hazard, f"{which}_likelihood", likelihood)
        setattr(hazard, f"{which}_note", note)
    return text[: matches[0].start()].strip() if matches else text


def _controls(block: list[str]) -> list[Control]:
    controls, last_file = [], None
    for row in block[2:]:
        cells = [c.strip() for c in row.strip().strip("|").split(" | ")]
        if len(cells) != 2:
            raise ValueError(f"a control row needs two cells: {row}")
        tests = cited_tests(cells[1], last_file)
        if tests:
            last_file = tests[-1].split("::")[0]
        controls.append(Control(cells[0], cells[1], tests))
    return controls


def _bullet(hazard: Hazard, block: list[str]) -> bool:
    first = block[0]
    if first.startswith("- **Cause:**"):
        inline = first.removeprefix("- **Cause:**").strip()
        subs: list[list[str]] = []
        for line in block[1:]:
            if line.startswith("  - "):
                subs.append([line[4:]])
            elif subs:
                subs[-1].append(line)
        hazard.causes = [_join([inline, *block[1:]])] if inline else [_join(s) for s in subs]
        return True
    if first.startswith("- **Effect:**"):
        hazard.effect = _join([first.removeprefix("- **Effect:**"), *block[1:]])
        return True
    text = _join([first.removeprefix("- "), *block[1:]])
    if RISK.match(text):
        _risks(hazard, text)
        return True
    return False


def _hazard(identifier: str, title: str, lines: list[str]) -> Hazard:
    hazard = Hazard(identifier, title)
    for block in _blocks(lines):
        if block[0].strip() == TABLE_HEAD:
            hazard.controls += _controls(block)
        elif not (block[0].startswith("- ") and _bullet(hazard, block)):
            after = bool(hazard.residual_severity)  # kept on the side of the residual it was
            (hazard.notes_after if after else hazard.notes).append("\n".join(block))
    if not hazard.initial_severity or not hazard.residual_severity:
        raise ValueError(f"{identifier}: needs an initial and a residual risk")
    return hazard


def parse(text: str) -> HazardLog:
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if HEADING.match(line)]
    if not starts:
        raise ValueError("no `## Hn. title` sections found")
    head = "\n".join(lines[: starts[0]]).replace(GENERATED, "")
    intro, _, summary = head.partition("\n## Summary\n")
    rows = [line for line in summary.splitlines() if line.startswith("| H")]
    titles = {}
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split(" | ")]
        note = RISK_NOTE.search(cells[3]) if len(cells) == 4 else None
        titles[cells[0]] = (cells[1], note[1] if note else "")
    summary_note = "\n".join(
        line for line in summary.splitlines() if line.strip() and not line.startswith("|")
    )
    summary_note = summary_note.replace("\n---", "").strip()
    hazards = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body = lines[start + 1 : end]
        if number + 1 == len(starts):  # the last section ends at the first rule
            cut = next((i for i, line in enumerate(body) if line.strip() == "---"), len(body))
            body, rest = body[:cut], body[cut:]
        else:
            body = [line for line in body if line.strip() != "---"]
        match = HEADING.match(lines[start])
        assert match is not None
        hazard = _hazard(match[1], match[2], body)
        hazard.summary_title, hazard.summary_note = titles.get(hazard.id, (hazard.title, ""))
        hazards.append(hazard)
    addenda = "\n".join(rest).strip().removeprefix("---").strip()
    return HazardLog(intro.strip(), summary_note, addenda, hazards)
