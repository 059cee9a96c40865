"""Facts for the causes and ages issue 18 added to the screen (red_flags.toml lists them).

Kept apart from red_flags.facts() so that function stays short: each fact here reads
one part of the findings, and an unknown value (no age, no onset) adds none of them
except where the rule file says unknown is treated as new.
"""

from __future__ import annotations

from radiculog.engine.findings import Findings


def more_facts(findings: Findings) -> set[str]:
    """Age bands the new rules need, both-legs brisk reflexes, changed feeling on a leg,
    and an onset within GIRFT's 14-day window."""
    found: set[str] = set()
    age = findings.age
    if age is not None:
        if age < 16:
            found.add("age_under_16")  # NICE NG59 covers over-16s only
        if age >= 60:
            found.add("age_60_plus")
    days = findings.days_since_onset
    if days is not None and days <= 14:
        found.add("onset_within_14_days")
    if findings.reflexes:
        brisk = {r.side for r in findings.reflexes if r.result == "brisk"}
        if len(brisk) == 2:
            found.add("brisk_reflex_both_legs")
    if any(s.side is not None and s.region != "low_back" for s in findings.sensory):
        found.add("sensory_marked")  # changed feeling marked on a leg
    return found
