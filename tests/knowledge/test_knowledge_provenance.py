"""H7: the sources numbers rest on are checked, and a knowledge change bumps VERSION."""

from __future__ import annotations

import re
import tomllib

from tests.knowledge.digest import KNOWLEDGE, knowledge_digest, recorded, version

# The files whose numbers change an assessment: root weights, priors, the method's
# thresholds, home-test norms, imaging rates, outcome-measure cut-offs.
NUMBER_FILES = (
    "root_likelihoods.csv", "priors.csv", "method.toml", "home_tests.toml",
    "asymptomatic_prevalence.csv", "outcomes.toml",
)  # fmt: skip
# The project's own method (docs/clinical-model.md): reviewed with the code, not a paper.
OWN = {"radiculog_method"}
# Sources numbers rest on that have neither `verified` nor `note`: a reviewer must check
# each against a copy and add `verified` and/or `note` (a knowledge change: bump VERSION),
# then strike it from this list. The 8 listed when this test was written (2026-11-27)
# were checked in knowledge 2026.4 (brinjikji2015, isncsci2019, nice_cks_sciatica,
# nice_ng59, parai2020, roland_morris1983, stratford1996, suri2010).
NOT_YET_CHECKED: set[str] = set()


def _sources() -> dict[str, dict[str, object]]:
    return tomllib.loads((KNOWLEDGE / "sources.toml").read_text())


def _unchecked_number_sources() -> set[str]:
    sources = _sources()
    cited: set[str] = set()
    for name in NUMBER_FILES:
        cited |= set(re.findall(r"[a-z_0-9]+", (KNOWLEDGE / name).read_text())) & set(sources)
    return {s for s in cited - OWN if not ({"verified", "note"} & set(sources[s]))}


def test_no_new_source_a_number_rests_on_lacks_verified_or_note() -> None:
    """A source added to a number file without `verified` or `note` fails here; one
    checked since stays listed until struck off (so the list cannot go stale)."""
    assert _unchecked_number_sources() == NOT_YET_CHECKED


def test_every_source_a_number_rests_on_has_verified_or_note() -> None:
    assert _unchecked_number_sources() == set()


def test_a_knowledge_change_needs_a_new_version() -> None:
    """The knowledge files' digest is recorded per VERSION (knowledge_digests.toml): a
    changed file under the same VERSION fails; docs/knowledge.md step 5 says how to
    record a new version."""
    digests = recorded()
    current = version()
    assert current in digests, (
        f"VERSION {current} has no recorded digest: run .venv/bin/python -m tests.knowledge.digest"
    )
    assert knowledge_digest() == digests[current], (
        f"the knowledge files changed but VERSION is still {current}: bump it, add a "
        "CHANGELOG entry, then run .venv/bin/python -m tests.knowledge.digest"
    )


def test_the_current_version_is_the_newest_recorded() -> None:
    def key(v: str) -> tuple[int, ...]:
        return tuple(int(part) for part in v.split("."))

    assert max(recorded(), key=key) == version()
