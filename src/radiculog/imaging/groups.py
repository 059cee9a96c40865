"""Which level a finding in a sentence belongs to, when the sentence names several.

"L1-2, L2-3 and L3-4: no stenosis" is one group of three levels; "bulge at L3-4 and a left
protrusion at L4-5" has two groups, and each finding takes the group next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radiculog.imaging import findings as fx
from radiculog.imaging.levels import LevelMention, VertebraMention, levels_between

GROUP_JOIN = re.compile(r"\s*(?:,|and|or|&|/|as well as)?\s*(?:and\s+)?(?:at\s+)?", re.IGNORECASE)
CHAIN = [v for v in ("T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2")]


@dataclass
class Group:
    start: int
    levels: tuple[str, ...]


def groups(sentence: str, mentions: list[LevelMention]) -> list[Group]:
    out: list[Group] = []
    prev_end = -1
    for m in mentions:
        if out and GROUP_JOIN.fullmatch(sentence[prev_end : m.start]):
            out[-1].levels = out[-1].levels + m.levels
        else:
            out.append(Group(m.start, m.levels))
        prev_end = m.end
    return out


def group_for(pos: int, groups: list[Group], prefix: bool) -> Group | None:
    """The level group a finding at `pos` belongs to: the one before it when the clause
    opens with a level ("L4-5: bulge"), else the next one named ("bulge at L4-5")."""
    before = [g for g in groups if g.start < pos]
    after = [g for g in groups if g.start > pos]
    if prefix and before:
        return before[-1]
    if after:
        return after[0]
    return before[-1] if before else None


def trim_at_next_group(m: fx.Mention, own: Group, groups: list[Group], offset: int) -> None:
    """A finding's words stop where another level starts: in "bulges at L3-4 and L4-5, worse
    at L4-5 where there is a left foraminal component", "left foraminal" is not the bulges'."""
    later = [g.start - offset for g in groups if g is not own and g.start - offset > m.end]
    if later and m.word_start < min(later) < m.word_start + len(m.words):
        m.words = m.words[: min(later) - m.word_start]
    start = own.start - offset  # "L4-5 left and L5-S1 right protrusions": not from L4-5's words
    earlier = [g for g in groups if g is not own and m.word_start <= g.start - offset < start]
    if earlier and m.word_start < start < m.start:
        m.words = m.words[start - m.word_start :]
        m.word_start = start


def listhesis_levels(vertebrae: list[VertebraMention], lo: int, hi: int) -> tuple[str, ...]:
    """'anterolisthesis of L4' is the slip of L4 on the vertebra below: L4-L5."""
    for v in vertebrae:
        if lo <= v.start < hi and not v.is_root and v.vertebra in CHAIN[:-1]:
            return levels_between(v.vertebra, CHAIN[CHAIN.index(v.vertebra) + 1])
    return ()
