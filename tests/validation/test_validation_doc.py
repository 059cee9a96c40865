"""docs/validation.md is what the benchmark script writes now (issue 25)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from radiculog.validation.__main__ import DOCUMENT, VIGNETTES, build, main
from radiculog.validation.score import TIERS, Scored, load, summarise

ROOT = Path(__file__).resolve().parents[2]


def test_docs_validation_md_is_up_to_date() -> None:
    written = (ROOT / DOCUMENT).read_text("utf-8")
    assert written == build(ROOT), "docs/validation.md is stale: run scripts/validate-triage"


def test_check_mode_fails_on_a_stale_document(tmp_path: Path) -> None:
    (tmp_path / VIGNETTES).mkdir(parents=True)
    for path in (ROOT / VIGNETTES).glob("*.json"):
        (tmp_path / VIGNETTES / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (tmp_path / "validation/published.md").write_text(
        (ROOT / "validation/published.md").read_text()
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / DOCUMENT).write_text("old figures\n", "utf-8")
    assert main(["--root", str(tmp_path), "--check"]) == 1
    assert main(["--root", str(tmp_path)]) == 0
    assert main(["--root", str(tmp_path), "--check"]) == 0


def test_every_vignette_cites_a_source_and_none_comes_from_the_tests() -> None:
    vignettes = load(ROOT / VIGNETTES)
    assert len(vignettes) >= 10
    for vignette in vignettes:
        assert vignette["source"]["url"].startswith("https://")
        assert "tests/" not in json.dumps(vignette["source"])


def test_a_vignette_without_a_source_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(json.dumps({"gold": {"tier": "urgent", "tier_basis": "x"}}))
    with pytest.raises(ValueError, match="source"):
        load(tmp_path)


def _scored(gold: str, tier: str) -> Scored:
    return Scored("x", "x", {}, gold, tier, "L5", "S1", 0.2, 0.9)


def test_the_figures_count_under_and_over_triage_by_tier_order() -> None:
    summary = summarise(
        [_scored("urgent", "soon"), _scored("soon", "urgent"), _scored("watchful", "emergency")]
    )
    assert (summary.under, summary.over, summary.exact) == (1, 2, 0)
    assert summary.acceptable == 1  # one level more urgent only
    assert summary.semigran_correct == 2  # soon and urgent are both non-emergent
    assert summary.leaning_right == 0 and TIERS[-1] == "emergency"
