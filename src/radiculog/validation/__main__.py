"""python -m radiculog.validation [--check]: score the vignettes, write docs/validation.md.

Run from the repository root (scripts/validate-triage does). With --check it
writes nothing and exits 1 when the file is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radiculog.validation.report import render
from radiculog.validation.score import load, score

VIGNETTES = Path("validation/vignettes")
PUBLISHED = Path("validation/published.md")
DOCUMENT = Path("docs/validation.md")


def build(root: Path) -> str:
    published = (root / PUBLISHED).read_text("utf-8")
    return render([score(v) for v in load(root / VIGNETTES)], published)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m radiculog.validation")
    parser.add_argument("--root", type=Path, default=Path(), help="the repository root")
    parser.add_argument("--check", action="store_true", help="only say whether it is stale")
    args = parser.parse_args(argv)
    text = build(args.root)
    target = args.root / DOCUMENT
    if args.check:
        stale = not target.exists() or target.read_text("utf-8") != text
        done = f"{target} is out of date: run scripts/validate-triage" if stale else "up to date"
        sys.stdout.write(done + "\n")
        return 1 if stale else 0
    target.write_text(text, "utf-8")
    sys.stdout.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
