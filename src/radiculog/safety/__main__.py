"""python -m radiculog.safety [convert] [--check]

Without `convert`: write docs/clinical-safety/hazard-log.md and safety-case.md from
hazards.toml. With `convert`: read hazard-log.md into hazards.toml first (after a
merge that added rows to the Markdown). `--check` writes nothing and exits 1 when a
file would change. Run from the repository root (scripts/safety-case does).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radiculog.safety.case import render_case
from radiculog.safety.hazards import HazardLog, dumps, load
from radiculog.safety.parse_log import parse
from radiculog.safety.render_log import render
from radiculog.validation.__main__ import VIGNETTES
from radiculog.validation.score import load as load_vignettes
from radiculog.validation.score import score, summarise

FOLDER = Path("docs/clinical-safety")
DATA, LOG, CASE = FOLDER / "hazards.toml", FOLDER / "hazard-log.md", FOLDER / "safety-case.md"


def outputs(root: Path, log: HazardLog | None = None) -> dict[Path, str]:
    log = log or load(root / DATA)
    summary = summarise([score(v) for v in load_vignettes(root / VIGNETTES)])
    return {LOG: render(log), CASE: render_case(root, log, summary)}


def converted(root: Path) -> HazardLog:
    return parse((root / LOG).read_text("utf-8"))


def _apply(root: Path, files: dict[Path, str], check: bool) -> int:
    stale = [
        p
        for p, text in files.items()
        if not (root / p).exists() or (root / p).read_text("utf-8") != text
    ]
    for path in stale:
        sys.stdout.write(f"{path} {'is out of date' if check else 'written'}\n")
        if not check:
            (root / path).write_text(files[path], "utf-8")
    return 1 if check and stale else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m radiculog.safety")
    parser.add_argument("command", nargs="?", choices=["convert"])
    parser.add_argument("--root", type=Path, default=Path())
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.command != "convert":
        return _apply(args.root, outputs(args.root), args.check)
    log = converted(args.root)
    return _apply(args.root, {DATA: dumps(log), **outputs(args.root, log)}, args.check)


if __name__ == "__main__":
    sys.exit(main())
