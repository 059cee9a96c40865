"""Radiculog: sciatica triage and nerve-root picture from a findings document.

The library API lives here; the command line, the JSON API and the web pages
are thin clients of it::

    import radiculog
    a = radiculog.assess({"schema": "radiculog/findings@1", "answers": {...}})
    a.urgency.tier, a.leaning, a.to_dict()
    print(radiculog.render_text(a))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from datetime import datetime

    from radiculog.contract.errors import FieldError, FindingsError
    from radiculog.engine.assessment import Assessment
    from radiculog.engine.findings import Findings

__all__ = [
    "Assessment",
    "FieldError",
    "Findings",
    "FindingsError",
    "__version__",
    "assess",
    "load_knowledge",
    "parse_findings",
    "parse_log",
    "render_text",
    "trend",
]


def assess(findings: Mapping[str, Any] | Findings) -> Assessment:
    """Assess one findings document (a dict following radiculog/findings@1).

    Raises FindingsError naming every bad field, value and the allowed values.
    """
    from radiculog.contract.parse import parse_findings
    from radiculog.engine.assessment import assess_findings
    from radiculog.engine.findings import Findings

    parsed = findings if isinstance(findings, Findings) else parse_findings(findings)
    return assess_findings(parsed)


def trend(log: Mapping[str, Any], now: datetime | None = None) -> Assessment:
    """Assess a log document (radiculog/log@1 or log@2): the newest entry, kept at
    least at every warning sign of the last 14 days not yet seen by a clinician (and
    at least urgent for an unseen cauda equina sign before them), and escalated by the
    trend. ``now``: the present, from which the 14 days count back (the newest entry's
    time when not given); an entry or clinician-seen record after it is refused."""
    from radiculog.contract.parse import parse_log_document, refuse_future
    from radiculog.engine.log_visits import Visit
    from radiculog.engine.trend import assess_log

    parsed = parse_log_document(log)
    if now is not None:
        refuse_future(parsed, now)
    seen = [
        Visit(at, signs) for at, signs in zip(parsed.clinician_seen, parsed.seen_signs, strict=True)
    ]
    return assess_log(parsed.entries, seen, now=now)


def render_text(assessment: Assessment) -> str:
    """The assessment in plain language for a person."""
    from radiculog.engine.text import render

    return render(assessment)


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import radiculog` cheap for the command line.
    if name in ("FindingsError", "FieldError"):
        from radiculog.contract import errors

        return getattr(errors, name)
    if name in ("parse_findings", "parse_log"):
        from radiculog.contract import parse

        return getattr(parse, name)
    if name == "Assessment":
        from radiculog.engine.assessment import Assessment

        return Assessment
    if name == "Findings":
        from radiculog.engine.findings import Findings

        return Findings
    if name == "load_knowledge":
        from radiculog.engine.knowledge import load_knowledge

        return load_knowledge
    raise AttributeError(name)
