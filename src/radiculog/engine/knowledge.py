"""Load the clinical knowledge files into immutable objects.

The knowledge lives as TOML and CSV in ``radiculog/knowledge`` so a clinician can
review it without reading Python; this module only parses and checks its shape.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from radiculog.engine import reason_words
from radiculog.engine.reason_words import ReasonWords
from radiculog.engine.services import Services, current_region, fill, services

ROOTS = ("L2", "L3", "L4", "L5", "S1")
TIERS = ("watchful", "soon", "urgent", "emergency")  # least to most urgent
# The values each reason of reasons.toml is filled with (the file points here).
REASON_FIELDS = reason_words.REASON_FIELDS


@dataclass(frozen=True)
class Source:
    id: str
    authors: str
    year: int
    title: str
    where: str
    url: str | None
    secondary: bool

    def citation(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.where}."


@dataclass(frozen=True)
class Question:
    id: str
    group: str  # safety | checklist | extra
    text: str
    short: str
    since: int


@dataclass(frozen=True)
class RegionInfo:
    id: str
    label: str
    view: str
    level: int


@dataclass(frozen=True)
class Rule:
    id: str
    tier: str
    when_yes: frozenset[str]
    when_not_no: frozenset[str]
    when_no: frozenset[str]
    when_unanswered: frozenset[str]
    when_facts: frozenset[str]
    text: str
    action: str
    sources: tuple[str, ...]
    tell: str = ""  # this cause's own script (what to say, where); empty: the tier's


@dataclass(frozen=True)
class TierAdvice:
    id: str
    rank: int
    title: str
    do: str
    within: str
    tell: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class HomeTest:
    id: str
    name: str
    roots: tuple[str, ...]
    daily_for: tuple[str, ...]
    how: tuple[str, ...]
    safety: str
    watch_for: str
    sources: tuple[str, ...]
    deficit_below: int | None = None  # fewer reps than this on one side alone is a deficit
    # (from age, deficit_below) by published age bands, youngest first; an unknown age,
    # or one below the first band, uses deficit_below.
    deficit_below_by_age: tuple[tuple[int, int], ...] = ()
    standing: bool = False  # done standing or walking: not offered to someone who falls


@dataclass(frozen=True)
class Likelihood:
    """One row of root_likelihoods.csv: how many of 100 people with each root compressed
    show this finding (a positive result, on the painful side)."""

    signal: str
    finding: str
    per_100: dict[str, float]  # root -> people in 100
    basis: str  # published | derived | judgement
    method: str
    sources: tuple[str, ...]
    remarks: str


@dataclass(frozen=True)
class Prior:
    age_from: int | None
    age_to: int | None
    probabilities: dict[str, float]
    sources: tuple[str, ...]
    remarks: str

    def covers(self, age: int | None) -> bool:
        if self.age_from is None or self.age_to is None:
            return age is None
        return age is not None and self.age_from <= age <= self.age_to


@dataclass(frozen=True)
class Explanation:
    id: str
    when: str
    title: str
    text: str
    sources: tuple[str, ...]
    calm_only: bool
    against_root: bool = False  # the pattern makes a nerve root less likely (the root gate)


@dataclass(frozen=True, eq=False)
class Knowledge:
    version: str
    sources: dict[str, Source]
    questions: dict[str, Question]
    regions: dict[str, RegionInfo]
    reflexes: dict[str, str]
    provocation: dict[str, str]
    rules: tuple[Rule, ...]
    tiers: dict[str, TierAdvice]
    care: dict[str, Any]
    overlap: dict[str, Any]
    disclaimer: str
    home_tests: dict[str, HomeTest]
    likelihoods: tuple[Likelihood, ...]
    priors: tuple[Prior, ...]
    method: dict[str, Any]
    explanations: tuple[Explanation, ...]
    services: Services  # where to get help in the deployment's region
    # Facts defined in red_flags.toml [[derived]]: true when any alternative holds.
    derived: tuple[tuple[str, tuple[Rule, ...]], ...] = ()
    # The words of the engine's own reasons (reasons.toml), by id.
    reasons: dict[str, ReasonWords] = field(default_factory=dict)

    @cached_property
    def safety_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions.values() if q.group == "safety")

    def safety_questions(self) -> list[str]:
        return list(self.safety_ids)

    @cached_property
    def likelihood_index(self) -> dict[tuple[str, str], Likelihood]:
        """Rows by (signal, finding), built once: the root model looks them up per finding."""
        return {(row.signal, row.finding): row for row in self.likelihoods}

    @cached_property
    def screening_ids(self) -> tuple[str, ...]:
        """Every question a warning-sign screen asks: the safety group (all needed for a
        complete screen), then the optional findings@2 questions that a red-flag rule or
        derived fact reads (such as toes catching), so no rule is left unaskable."""
        rules = (*self.rules, *(alt for _, alts in self.derived for alt in alts))
        read = {q for r in rules for q in r.when_yes | r.when_no | r.when_not_no}
        extra = (q.id for q in self.questions.values() if q.group == "extra" and q.id in read)
        return (*self.safety_ids, *extra)

    def prior_for(self, age: int | None) -> Prior:
        for prior in self.priors:
            if prior.covers(age):
                return prior
        raise LookupError(f"no prior covers age {age!r}")


def _text(name: str) -> str:
    return resources.files("radiculog.knowledge").joinpath(name).read_text(encoding="utf-8")


def _toml(
    name: str, region: str | None = None, keep: frozenset[str] = frozenset()
) -> dict[str, Any]:
    raw = tomllib.loads(_text(name))
    return fill(raw, region, keep) if region else raw


def _csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_text(name))))


def _ids(raw: str) -> tuple[str, ...]:
    return tuple(s for s in raw.split(";") if s)


def _sources() -> dict[str, Source]:
    return {
        key: Source(
            id=key,
            authors=v["authors"],
            year=int(v["year"]),
            title=v["title"],
            where=v["where"],
            url=v.get("url"),
            secondary=bool(v.get("secondary", False)),
        )
        for key, v in _toml("sources.toml").items()
    }


def _rules(raw: list[dict[str, Any]]) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            id=r["id"],
            tier=r["tier"],
            when_yes=frozenset(r.get("when_yes", ())),
            when_not_no=frozenset(r.get("when_not_no", ())),
            when_no=frozenset(r.get("when_no", ())),
            when_unanswered=frozenset(r.get("when_unanswered", ())),
            when_facts=frozenset(r.get("when_facts", ())),
            text=r["text"],
            action=r["action"],
            sources=tuple(r["sources"]),
            tell=r.get("tell", ""),
        )
        for r in raw
    )


def _derived(raw: list[dict[str, Any]]) -> tuple[tuple[str, tuple[Rule, ...]], ...]:
    fields = {"tier": "watchful", "text": "", "action": "", "sources": ()}
    return tuple(
        (d["id"], _rules([{**fields, **alt, "id": d["id"]} for alt in d["any"]])) for d in raw
    )


def _reasons(region: str) -> dict[str, ReasonWords]:
    """reasons.toml, its services filled in for the region, its per-person values kept."""
    return reason_words.parse(_toml("reasons.toml", region, reason_words.KEEP), TIERS)


def _home_tests(raw: dict[str, Any]) -> dict[str, HomeTest]:
    return {
        key: HomeTest(
            id=key,
            name=t["name"],
            roots=tuple(t["root"]),
            daily_for=tuple(t["daily_for"]),
            how=tuple(t["how"]),
            safety=t["safety"],
            watch_for=t["watch_for"],
            sources=tuple(t["sources"]),
            deficit_below=t.get("deficit_below"),
            deficit_below_by_age=tuple(
                (band["from_age"], band["deficit_below"]) for band in t.get("age_bands", ())
            ),
            standing=bool(t.get("standing", False)),
        )
        for key, t in raw.items()
    }


def _priors() -> tuple[Prior, ...]:
    return tuple(
        Prior(
            age_from=int(row["age_from"]) if row["age_from"] else None,
            age_to=int(row["age_to"]) if row["age_to"] else None,
            probabilities={root: float(row[root]) for root in ROOTS},
            sources=_ids(row["sources"]),
            remarks=row["remarks"],
        )
        for row in _csv("priors.csv")
    )


BASES = ("published", "derived", "judgement")


def _likelihood(row: dict[str, str]) -> Likelihood:
    per_100 = {root: float(row[root]) for root in ROOTS}
    where = f"root_likelihoods.csv {row['signal']},{row['finding']}"
    if not all(0 < v < 100 for v in per_100.values()):
        raise ValueError(f"{where}: every root needs a share between 0 and 100 (exclusive)")
    if row["basis"] not in BASES:
        raise ValueError(f"{where}: basis must be one of {', '.join(BASES)}")
    return Likelihood(
        signal=row["signal"],
        finding=row["finding"],
        per_100=per_100,
        basis=row["basis"],
        method=row["method"],
        sources=_ids(row["sources"]),
        remarks=row["remarks"],
    )


def _likelihoods() -> tuple[Likelihood, ...]:
    return tuple(_likelihood(row) for row in _csv("root_likelihoods.csv"))


def load_knowledge(region: str | None = None) -> Knowledge:
    """The knowledge with its sentences naming the services of ``region`` (by
    default the process's, see ``services.current_region``). Parsed once per region."""
    return _load(region or current_region())


@cache
def _load(region: str) -> Knowledge:
    """Parse every knowledge file once per process and region."""
    vocab = _toml("vocabulary.toml", region)
    advice = _toml("advice.toml", region)
    questions = {
        key: Question(key, q["group"], q["text"], q["short"], int(q.get("since", 1)))
        for key, q in vocab["questions"].items()
    }
    regions = {
        key: RegionInfo(key, r["label"], r["view"], int(r["level"]))
        for key, r in vocab["regions"].items()
    }
    tiers = {
        key: TierAdvice(
            key, t["rank"], t["title"], t["do"], t["within"], t["tell"], tuple(t["sources"])
        )
        for key, t in advice["tiers"].items()
    }
    explanations = tuple(
        Explanation(
            e["id"],
            e["when"],
            e["title"],
            e["text"],
            tuple(e["sources"]),
            e.get("calm_only", False),
            e.get("against_root", False),
        )
        for e in _toml("other_explanations.toml", region)["explanations"]
    )
    red_flags = _toml("red_flags.toml", region)
    return Knowledge(
        version=_text("VERSION").strip(),
        sources=_sources(),
        questions=questions,
        regions=regions,
        reflexes={k: v["label"] for k, v in vocab["reflexes"].items()},
        provocation={k: v["label"] for k, v in vocab["provocation"].items()},
        rules=_rules(red_flags["rules"]),
        derived=_derived(red_flags.get("derived", [])),
        tiers=tiers,
        care=advice["care"],
        overlap=advice["overlap"],
        disclaimer=advice["disclaimer"]["text"],
        home_tests=_home_tests(_toml("home_tests.toml", region)["tests"]),
        likelihoods=_likelihoods(),
        priors=_priors(),
        method=_toml("method.toml", region),
        services=services(region),
        explanations=explanations,
        reasons=_reasons(region),
    )
