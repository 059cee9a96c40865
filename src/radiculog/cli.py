"""The `radiculog` command line: a thin client of the library API.

Exit codes: 0 success, 2 bad input (the message names the field, the bad value
and the allowed ones), 130 interrupted. Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import radiculog
from radiculog.contract.errors import FindingsError
from radiculog.contract.limits import UnreadableJSON, load_json
from radiculog.contract.schema import NAMES as SCHEMAS
from radiculog.contract.schema import schema_text
from radiculog.engine.services import current_region, default_region, regions, use_region


class InputError(Exception):
    """Input that cannot be read as a JSON document."""


def read_json(path: str, stdin: TextIO) -> Any:
    try:
        text = stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text") from exc
    try:
        return load_json(text)
    except UnreadableJSON as exc:
        where = "standard input" if path == "-" else path
        raise InputError(f"{where} is not valid JSON: {exc.detail}") from exc


def _emit(assessment: radiculog.Assessment, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump(assessment.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(radiculog.render_text(assessment))


def _cmd_assess(args: argparse.Namespace, out: TextIO) -> int:
    _emit(radiculog.assess(read_json(args.file, sys.stdin)), args.format, out)
    return 0


def _cmd_trend(args: argparse.Namespace, out: TextIO) -> int:
    # The log's 14 days count back from the present, as on the web pages; an entry or
    # clinician-seen record after it is refused.
    now = args.now or datetime.now(UTC)
    _emit(radiculog.trend(read_json(args.file, sys.stdin), now), args.format, out)
    return 0


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date-time: {value!r}") from exc
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("needs a time zone (Z or +hh:mm)")
    return moment


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    out.write(schema_text(args.name))
    return 0


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    from radiculog.explain import explain_root

    out.write(explain_root(args.root))
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from radiculog.selfcheck_cli import run_check

    return run_check(sys.stdin, out, save=args.save, fmt=args.format)


def _cmd_imaging(args: argparse.Namespace, out: TextIO) -> int:
    """Read an MRI/CT report's text; with --findings, say how it fits the symptoms."""
    from radiculog import imaging

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {args.file}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{args.file} is not UTF-8 text (give the report as plain text)") from exc
    if not text.strip() or "\x00" in text:
        raise InputError(f"{args.file}: no report text to read (expected plain text)")
    report = imaging.read_report(text)
    fit = None
    if args.findings:
        findings = read_json(args.findings, sys.stdin)
        age = args.age if args.age is not None else (findings or {}).get("age")
        fit = imaging.compare(report, radiculog.assess(findings).to_dict(), age)
    if args.format == "json":
        json.dump(imaging.to_document(report, fit), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(imaging.render_text(report, fit) + "\n")
    return 0


def _age(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 120:
        raise argparse.ArgumentTypeError(f"age must be whole years from 1 to 119, got {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="radiculog",
        description="Sciatica self-check: how urgently to seek care and which nerve root it "
        "looks like. Educational, not a diagnosis.",
    )
    parser.add_argument("--version", action="version", version=radiculog.__version__)
    region_help = (
        "which emergency number and services to name (default: RADICULOG_REGION, "
        f"else {default_region()})"
    )
    parser.add_argument("--region", choices=regions(), help=region_help)
    # The same option after the command too (`radiculog check --region us`), where a
    # person types it; absent there, it leaves the one before the command alone.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--region", choices=regions(), help=region_help, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, func, help_text in (
        ("assess", _cmd_assess, "assess a findings document (FILE or - for standard input)"),
        ("trend", _cmd_trend, "assess a symptom log document (FILE or -)"),
    ):
        cmd = sub.add_parser(name, help=help_text, description=help_text, parents=[after])
        cmd.add_argument("file", metavar="FILE", help="path to a JSON document, or - for stdin")
        cmd.add_argument("--format", choices=("text", "json"), default="text")
        if name == "trend":
            cmd.add_argument(
                "--now",
                type=_moment,
                metavar="DATE-TIME",
                help="assess the log as of this moment (ISO 8601 with a zone; default: now)",
            )
        cmd.set_defaults(func=func)
    check = sub.add_parser("check", help="interactive self-check in the terminal", parents=[after])
    check.add_argument("--save", metavar="FILE", help="save the findings document to FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.set_defaults(func=_cmd_check)
    explain = sub.add_parser(
        "explain", help="what a nerve root does and how to check it", parents=[after]
    )
    explain.add_argument("root", choices=("L2", "L3", "L4", "L5", "S1"), type=str.upper)
    explain.set_defaults(func=_cmd_explain)
    img = sub.add_parser(
        "imaging", help="read an MRI/CT report's text (FILE or -), level by level", parents=[after]
    )
    img.add_argument("file", metavar="FILE", help="plain-text report, or - for standard input")
    img.add_argument("--format", choices=("text", "json"), default="text")
    img.add_argument("--findings", metavar="FILE", help="findings document to compare against")
    img.add_argument("--age", type=_age, help="age in years, for rates in people without pain")
    img.set_defaults(func=_cmd_imaging)
    schema = sub.add_parser("schema", help="print a contract JSON Schema", parents=[after])
    schema.add_argument("name", choices=SCHEMAS, nargs="?", default="findings")
    schema.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        use_region(args.region)  # set once for everything this run says
        current_region()  # an unknown RADICULOG_REGION stops here, not mid-output
    except ValueError as exc:
        print(f"radiculog: {exc}", file=sys.stderr)
        return 2
    try:
        code: int = args.func(args, out)
    except (InputError, FindingsError) as exc:
        print(f"radiculog: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nradiculog: stopped.", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
