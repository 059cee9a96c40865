"""Benchmark: instructions per operation under valgrind (callgrind), a count that does not
move with the machine's load the way CPU time does on a shared VM.

Each figure is (instructions for N operations - instructions for 0) / N, so the
interpreter's start-up and imports cancel out. Needs valgrind. Run:
    .venv/bin/python bench/bench_instructions.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# What one run does: build the inputs (untimed, the same for every N), then N operations.
HARNESS = """
import sys
sys.path.insert(0, {here!r})
import bench_assess
from radiculog.contract.parse import parse_findings, parse_log
from radiculog.engine.assessment import assess_findings
from radiculog.engine.trend import assess_log
what, n = sys.argv[1], int(sys.argv[2])
docs = bench_assess.mix() * 3
log = bench_assess.year_log()
assess_findings(parse_findings(docs[0]))  # load the knowledge
if what == "engine":
    fresh = [parse_findings(d) for d in docs]
    for f in fresh[:n]:
        assess_findings(f)
elif what == "parse":
    for d in docs[:n]:
        parse_findings(d)
elif what == "parse_log":
    for _ in range(n):
        parse_log(log)
elif what == "trend":
    entries = parse_log(log)  # parsed for every N, so only the trend is counted
    for _ in range(n):
        assess_log(entries)
"""

CASES = [
    ("engine", 144, "assessment of fresh parsed findings"),
    ("parse", 144, "findings document parsed"),
    ("parse_log", 1, "730-entry log parsed"),
    ("trend", 1, "730-entry trend (freshly parsed entries)"),
]


def callgrind(args: list[str], env: dict[str, str] | None = None) -> int:
    """Instructions a command executes under valgrind's callgrind (also used by
    bench_page_cost.py)."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    match = re.search(r"Collected : (\d+)", run.stderr)
    if not match:
        raise RuntimeError(run.stderr[-2000:])
    return int(match.group(1))


def instructions(script: Path, what: str, n: int) -> int:
    return callgrind([sys.executable, str(script), what, str(n)])


def main() -> None:
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "harness.py"
        script.write_text(HARNESS.format(here=str(HERE)))
        for what, n, label in CASES:
            per = (instructions(script, what, n) - instructions(script, what, 0)) / n
            print(f"{label:<42} {per / 1000:>10,.0f} k instructions")


if __name__ == "__main__":
    main()
