"""Where to get help in the deployment's region: emergency number, urgent advice,
the words for primary care.

The region is set once for a deployment (``RADICULOG_REGION``: uk, us or eu) and
fills the ``{placeholders}`` in every knowledge sentence when the knowledge is
loaded, so the engine, the command line, the API, the pages and the PDF all name
the same services. The clinical rules do not depend on it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

ENV = "RADICULOG_REGION"
FIELDS = (
    "emergency_number",
    "emergency_tel",
    "emergency_department",
    "urgent_advice",
    "urgent_tel",
    "primary_care",
    "urgent_care",
)


@dataclass(frozen=True)
class Services:
    region: str
    label: str
    emergency_number: str
    emergency_tel: str
    emergency_department: str
    urgent_advice: str
    urgent_tel: str
    primary_care: str
    urgent_care: str
    sources: tuple[str, ...]

    def placeholders(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FIELDS}


@cache
def _raw() -> dict[str, Any]:
    text = resources.files("radiculog.knowledge").joinpath("services.toml").read_text("utf-8")
    return tomllib.loads(text)


def regions() -> tuple[str, ...]:
    return tuple(_raw()["regions"])


def default_region() -> str:
    return str(_raw()["default"])


_chosen: str | None = None  # set by use_region(); None means "from the environment"


def use_region(region: str | None) -> None:
    """Set the region for this process (the command line's --region, Django's
    settings); None goes back to ``RADICULOG_REGION``."""
    global _chosen
    if region is not None and region not in regions():
        raise ValueError(f"unknown region {region!r}; allowed: {', '.join(regions())}")
    _chosen = region
    _from_environment.cache_clear()


def current_region() -> str:
    """The process's region: the one chosen with use_region(), else
    ``RADICULOG_REGION``, else the default. Cheap: asked on every load_knowledge()."""
    return _chosen or _from_environment()


@cache
def _from_environment() -> str:
    # An unknown region is an error: a wrong emergency number is worse than none.
    region = os.environ.get(ENV, "").strip().lower() or default_region()
    if region not in regions():
        raise ValueError(f"{ENV}: unknown region {region!r}; allowed: {', '.join(regions())}")
    return region


@cache
def services(region: str | None = None) -> Services:
    region = region or current_region()
    if region not in regions():
        raise ValueError(f"unknown region {region!r}; allowed: {', '.join(regions())}")
    r = _raw()["regions"][region]
    return Services(
        region=region,
        label=r["label"],
        sources=tuple(r["sources"]),
        **{name: str(r[name]) for name in FIELDS},
    )


def fill(value: Any, region: str, keep: frozenset[str] = frozenset()) -> Any:
    """Fill the placeholders in every string of a parsed knowledge file. Names in
    ``keep`` stay as they are, for the engine to fill in per person (reasons.toml);
    any other unknown name is an error."""
    if isinstance(value, str):
        if "{" not in value:
            return value
        names = services(region).placeholders()
        if keep:
            names = {**names, **{name: f"{{{name}}}" for name in keep}}
        return value.format_map(names)
    if isinstance(value, list):
        return [fill(v, region, keep) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, region, keep) for k, v in value.items()}
    return value
