"""One entry per (level, finding): a report often says the same thing twice (findings and
impression), in different words. Repeats are merged here, never counted twice."""

from __future__ import annotations

from dataclasses import dataclass

from radiculog.imaging.findings import SEVERITY_ORDER
from radiculog.imaging.report import LevelFinding

CONTACT_RANK = ("unstated", "none", "contact", "displaced", "compressed")


@dataclass
class Draft:
    level: str
    finding: str
    position: str
    zones: list[str]
    side: str
    roots: list[str]
    named: bool
    contact: str
    severity: str
    evidence: str
    compressive: bool


def give_contact_to_herniation(d: Draft, before: list[Draft]) -> None:
    """A finding that cannot press on a root (Modic change, listhesis) passes what its words
    say about a root to the pressing finding before it in the same clause."""
    if d.compressive or (not d.named and d.contact == "unstated"):
        return
    target = next((x for x in reversed(before) if x.compressive), None)
    if target is None:
        return
    if d.named:
        target.roots, target.named = d.roots, True
    target.contact = max(target.contact, d.contact, key=CONTACT_RANK.index)
    d.roots, d.named, d.contact = [], False, "unstated"


def merge(old: Draft, new: Draft) -> None:
    sides = {old.side, new.side} - {"unstated", "n/a"}
    if "bilateral" in sides or {"left", "right"} <= sides:
        old.side = "bilateral"
    elif old.side in ("unstated", "midline") and sides - {"midline"}:
        old.side = next(iter(sides - {"midline"}))
    if old.position in ("unstated", "diffuse") and new.position not in ("unstated", "diffuse"):
        old.position = new.position
    if new.named and not old.named:
        old.roots, old.named = new.roots, True
    elif new.named == old.named:
        old.roots = list(dict.fromkeys(old.roots + new.roots))
    old.contact = max(old.contact, new.contact, key=CONTACT_RANK.index)
    old.severity = max(old.severity, new.severity, key=SEVERITY_ORDER.index)


def add(drafts: dict[tuple[str, str], Draft], d: Draft) -> Draft:
    """Store `d`, or merge it into the entry already there for its (level, finding)."""
    key = (d.level, d.finding)
    if key in drafts:
        merge(drafts[key], d)
        return drafts[key]
    drafts[key] = d
    return d


def freeze(d: Draft) -> LevelFinding:
    return LevelFinding(
        d.level, d.finding, d.position, d.side, tuple(d.roots), d.contact, d.evidence,
        d.severity, d.named,
    )  # fmt: skip


def fold_untyped_herniation(drafts: dict[tuple[str, str], Draft]) -> None:
    """'Herniation' (type not stated) at a level whose type the report states elsewhere
    ("L5-S1 extrusion ... Impression: L5-S1 disc herniation") is the same finding."""
    for (level, finding), d in list(drafts.items()):
        if finding != "herniation":
            continue
        for (lv, kind), target in drafts.items():
            same_side = {target.side, d.side} & {"unstated", "midline"} or target.side == d.side
            if lv == level and kind in ("protrusion", "extrusion", "sequestration") and same_side:
                merge(target, d)
                del drafts[(level, finding)]
                break
