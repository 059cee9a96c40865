"""Score a note reader on the labelled note sets: precision and recall over
(note, question) pairs, and the notes it got wrong.

    .venv/bin/python -m tests.engine.notes.score
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).parent
SETS = ("development", "held_out")


class Note(NamedTuple):
    text: str
    yes: frozenset[str]


class Score(NamedTuple):
    notes: int
    true_pos: int
    false_pos: int
    false_neg: int
    wrong: tuple[tuple[str, frozenset[str], frozenset[str]], ...]  # text, read, labelled

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos else 0.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos else 0.0


def load(name: str) -> list[Note]:
    raw = tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))
    return [Note(n["text"], frozenset(n["yes"])) for n in raw["notes"]]


def score(notes: Iterable[Note], reader: Callable[[str], frozenset[str]]) -> Score:
    tp = fp = fn = 0
    wrong = []
    count = 0
    for note in notes:
        count += 1
        read = reader(note.text)
        tp += len(read & note.yes)
        fp += len(read - note.yes)
        fn += len(note.yes - read)
        if read != note.yes:
            wrong.append((note.text, read, note.yes))
    return Score(count, tp, fp, fn, tuple(wrong))


def radiculog_reader(text: str) -> frozenset[str]:
    from radiculog.engine.notes import read

    return frozenset(s.question for s in read(text))


def main() -> None:
    for name in SETS:
        s = score(load(name), radiculog_reader)
        out = f"{name}: {s.notes} notes, precision {s.precision:.1%}, recall {s.recall:.1%}\n"
        for text, read, labelled in s.wrong:
            out += f"  {text!r}: read {sorted(read)}, labelled {sorted(labelled)}\n"
        sys.stdout.write(out)


if __name__ == "__main__":
    main()
