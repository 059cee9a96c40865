"""Which nerve roots a finding at a disc level can touch.

Where the report names a root, that name wins ("contacting the descending
left S1 root" at L4-L5 gives S1). Where it names none, the zone rule in
knowledge/imaging_vocabulary.toml [zone_roots] applies: central, paracentral,
subarticular and lateral-recess findings touch the traversing root (named for
the lower vertebra, L4-L5 -> L5); foraminal and far-lateral findings touch the
exiting root (named for the upper vertebra, L4-L5 -> L4).
"""

from __future__ import annotations

from radiculog.imaging.vocabulary import load_vocabulary


def traversing_root(level: str) -> str:
    """The root that passes the disc on its way down: L4-L5 -> L5."""
    return level.split("-")[1]


def exiting_root(level: str) -> str:
    """The root that leaves through the foramen at this level: L4-L5 -> L4."""
    return level.split("-")[0]


def anatomical_roots(level: str, positions: list[str]) -> list[str]:
    """Roots by the zone rule, for every zone a finding names (in order)."""
    rule = load_vocabulary().raw["zone_roots"]
    roots: list[str] = []
    for position in positions:
        if position in rule["traversing"]:
            roots.append(traversing_root(level))
        elif position in rule["exiting"]:
            roots.append(exiting_root(level))
    return list(dict.fromkeys(roots))


def rule_sources() -> list[str]:
    return list(load_vocabulary().raw["zone_roots"]["sources"])
