"""docs/validation.md, written from the scored vignettes (never edited by hand).

`python -m radiculog.validation` (scripts/validate-triage) rewrites it;
tests/validation/test_validation_doc.py fails when the file is not what this
would write now, so a change to the engine or the knowledge that moves a result
shows up in review.
"""

from __future__ import annotations

from collections.abc import Sequence

import radiculog
from radiculog.engine.knowledge import load_knowledge
from radiculog.validation.score import TIER_TO_SEMIGRAN, Scored, Summary, summarise

INTRO = """\
# Validation: how the triage does on published cases

<!-- Written by `scripts/validate-triage` (python -m radiculog.validation) from
validation/vignettes/*.json; a test fails when this file is out of date. Do not edit. -->

This is an open-source project's own benchmark, not a clinical study. Each
vignette in `validation/vignettes/` is written from a cited published case,
teaching case or published vignette (never from this project's tests), with the
tier a clinician would expect under the cited guideline (the *gold tier*) and,
where the source names one, the nerve root (*gold root*). Where the source is
silent on a warning sign, the vignette answers it the way the source's picture
implies and lists that under `added`, as Semigran 2015 added symptoms when a
checker asked for them. The set is small: a figure here says what the engine
does on these cases, not how it performs in a population.
"""

MAPPING = """\
## Radiculog's four tiers against Semigran 2015's three levels

Semigran et al. 2015 (BMJ 351:h3480) divided their vignettes into *emergent care
required*, *non-emergent care reasonable* and *self care reasonable*. Radiculog's
tiers map onto them as follows; the "correct on 3 levels" figure uses this.

| Radiculog tier | What it tells the person | Semigran 2015 level |
|---|---|---|
| emergency | get help now (999 / emergency department) | emergent care required |
| urgent | be seen today or tomorrow | non-emergent care reasonable |
| soon | be seen within days | non-emergent care reasonable |
| watchful | self-care with safety-netting | self care reasonable |
"""


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "n/a"


def _figures(summary: Summary) -> str:
    n = summary.n
    rows = [
        ("Vignettes", str(n)),
        ("Exact tier", _pct(summary.exact, n)),
        ("Under-triage (less urgent than gold)", _pct(summary.under, n)),
        ("Over-triage (more urgent than gold)", _pct(summary.over, n)),
        ("Acceptable (exact, or one level more urgent)", _pct(summary.acceptable, n)),
        ("Correct on Semigran 2015's 3 levels", _pct(summary.semigran_correct, n)),
        ("Vignettes with a gold root", str(summary.with_root)),
        (
            "Leaning right (engine leans to the gold root)",
            _pct(summary.leaning_right, summary.with_root),
        ),
        (
            "No leaning given (engine declines to lean)",
            _pct(summary.leaning_none, summary.with_root),
        ),
    ]
    if summary.mean_p_gold is not None and summary.mean_brier is not None:
        rows += [
            ("Calibration: mean probability given to the gold root", f"{summary.mean_p_gold:.2f}"),
            (
                "Calibration: mean Brier score over the roots (0 best, 2 worst)",
                f"{summary.mean_brier:.3f}",
            ),
        ]
    lines = ["| Figure | Radiculog |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)]
    return "\n".join(lines) + "\n"


def _cases(scored: Sequence[Scored]) -> str:
    lines = [
        "| Vignette | Source | Gold tier | Engine | Semigran level (gold / engine) "
        "| Gold root | Leaning | p(gold root) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in scored:
        source = f"[{s.source['citation']}]({s.source['url']}) ({s.source['kind']})"
        levels = f"{TIER_TO_SEMIGRAN[s.gold_tier]} / {TIER_TO_SEMIGRAN[s.tier]}"
        p = f"{s.p_gold:.2f}" if s.p_gold is not None else "-"
        lines.append(
            f"| {s.title} (`{s.id}`) | {source} | {s.gold_tier} | {s.tier} | {levels} "
            f"| {s.gold_root or '-'} | {s.leaning or '-'} | {p} |"
        )
    return "\n".join(lines) + "\n"


LIMITS = """\
## What these figures do not show

- Ten vignettes are far too few for confidence intervals worth printing; the
  published studies' figures are over hundreds of evaluations and many
  conditions, most of them not back pain. Put side by side, they show the
  method, not a contest won.
- The two back-pain vignettes of the Semigran 2015 set (its appendix, Supplemental
  Table 2) are not yet in the set: their text could not be read from the
  repository's sources while this was written. They are to be added with the
  mapping above.
- Iversen 2013 measured clinicians examining patients against imaging; the
  engine's leaning here is measured against the root a text names. The two are
  beside each other for scale, not as a head-to-head comparison.
- Gold tiers are the project's reading of the cited guideline for each case,
  reviewed by no independent clinician yet.
"""


def render(scored: Sequence[Scored], published: str) -> str:
    """The document; `published` is validation/published.md (the papers' figures)."""
    summary = summarise(scored)
    versions = (
        f"Engine {radiculog.__version__}, knowledge {load_knowledge().version}, "
        f"{summary.n} vignettes."
    )
    return "\n".join(
        [
            INTRO,
            versions + "\n",
            "## Figures\n",
            _figures(summary),
            "## Beside the published figures\n",
            published.split("-->", 1)[-1].lstrip("\n"),
            MAPPING,
            "## Each vignette\n",
            _cases(scored),
            LIMITS,
        ]
    )
