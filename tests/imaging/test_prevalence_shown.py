"""H8: a bulge or wear finding comes with how common it is in people without back pain at
the person's age (asymptomatic_prevalence.csv, Brinjikji 2015), in the reading and its text."""

from __future__ import annotations

import csv
import io
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from radiculog.imaging import compare, read_report, render_text

# A report phrase the reader turns into each finding the table has a rate for.
PHRASES = {
    "bulge": "Disc bulge.",
    "protrusion": "Disc protrusion.",
    "annular fissure": "Annular fissure.",
    "spondylolisthesis": "Grade 1 spondylolisthesis.",
    "disc degeneration": "Disc degeneration.",
    "disc signal loss": "Disc desiccation.",
    "disc height loss": "Loss of disc height.",
    "facet degeneration": "Facet arthropathy.",
}
LEVELS = ["L2-3", "L3-4", "L4-5", "L5-S1"]


def _table() -> dict[str, list[tuple[int, int]]]:
    text = resources.files("radiculog.knowledge").joinpath("asymptomatic_prevalence.csv")
    rows: dict[str, list[tuple[int, int]]] = {}
    for row in csv.DictReader(io.StringIO(text.read_text("utf-8"))):
        assert row["source"] == "brinjikji2015", row
        rows.setdefault(row["finding"], []).append((int(row["age"]), int(row["percent"])))
    return {k: sorted(v) for k, v in rows.items()}


TABLE = _table()


def expected(finding: str, age: int) -> tuple[int, int]:
    """(table age, percent): the decade at or below the age, else the youngest reported."""
    rows = TABLE[finding]
    return max((r for r in rows if r[0] <= age), default=rows[0])


def test_every_finding_with_a_rate_has_a_phrase_here() -> None:
    assert set(PHRASES) == set(TABLE)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(sorted(PHRASES)), min_size=1, max_size=4, unique=True),
    st.lists(st.sampled_from(LEVELS), min_size=4, max_size=4),
    st.integers(18, 100),
)
def test_each_bulge_or_wear_finding_comes_with_its_rate_at_the_persons_age(
    findings: list[str], levels: list[str], age: int
) -> None:
    lines = [f"{lv}: {PHRASES[f]}" for f, lv in zip(findings, levels, strict=False)]
    report = read_report("\n".join(lines))
    fit = compare(report, {}, age)
    rates = {r.finding: r for r in fit.age_rates}
    assert set(rates) == set(findings)
    text = " ".join(render_text(report, fit).split())
    assert "How common these are in people with no back pain:" in text
    for finding in findings:
        table_age, percent = expected(finding, age)
        r = rates[finding]
        assert (r.age, r.table_age, r.percent, r.source) == (age, table_age, percent,
                                                              "brinjikji2015")  # fmt: skip
        assert f"About {percent} in 100 people aged {table_age} with no back pain have" in text
