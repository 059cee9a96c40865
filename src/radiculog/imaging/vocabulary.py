"""Load knowledge/imaging_vocabulary.toml into compiled patterns.

The wording lives in the TOML file so a clinician can review and extend it;
this module only turns each phrase list into one case-insensitive regex.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

VOCABULARY_FILE = "imaging_vocabulary.toml"


def _alternation(phrases: list[str]) -> str:
    # Longest first so "foraminal stenosis" beats "foraminal" inside one alternation.
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(f"(?:{p})" for p in ordered)


def words(phrases: list[str]) -> re.Pattern[str]:
    """One regex matching any phrase as whole words."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class FindingType:
    id: str
    pattern: re.Pattern[str]
    compressive: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    findings: tuple[FindingType, ...]
    stenosis_noun: re.Pattern[str]
    stenosis_qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    stenosis_open: re.Pattern[str]
    others: tuple[tuple[str, re.Pattern[str]], ...]
    zones: tuple[tuple[str, re.Pattern[str]], ...]
    sides: tuple[tuple[str, re.Pattern[str]], ...]
    contact: tuple[tuple[str, re.Pattern[str]], ...]
    contact_none: re.Pattern[str]
    not_root_objects: re.Pattern[str]
    root_words: re.Pattern[str]
    root_prefixes: re.Pattern[str]
    negation_cues: re.Pattern[str]
    negation_terminators: re.Pattern[str]
    negation_post: re.Pattern[str]
    normal: re.Pattern[str]
    severity: tuple[tuple[str, re.Pattern[str]], ...]
    cauda_equina: re.Pattern[str]
    cauda_large_disc: re.Pattern[str]
    cauda_sac_compression: re.Pattern[str]
    cauda_syndrome: re.Pattern[str]
    cauda_hypothetical: re.Pattern[str]
    figure_panels: re.Pattern[str]
    symptom_sides: re.Pattern[str]
    central_any: re.Pattern[str]
    central_severe: re.Pattern[str]
    ap_diameter: re.Pattern[str]
    skip_sections: re.Pattern[str]
    read_sections: re.Pattern[str]
    request_cues: re.Pattern[str]
    context_stops: re.Pattern[str]
    vertebra_level: tuple[re.Pattern[str], ...]
    vertebra_foramen: tuple[re.Pattern[str], ...]
    background: re.Pattern[str]
    unread_terms: re.Pattern[str]
    raw: dict[str, Any]


def _table(raw: dict[str, Any], name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    items = raw[name]
    return tuple(
        (key, words(val))
        for key, val in items.items()
        if isinstance(val, list) and key != "sources"
    )


def _header(phrases: list[str]) -> re.Pattern[str]:
    # A heading opens a line and ends with a colon (or stands alone in capitals).
    return re.compile(rf"^\s*(?:{_alternation(phrases)})\s*(?::|$)", re.IGNORECASE)


@cache
def load_vocabulary() -> Vocabulary:
    text = resources.files("radiculog.knowledge").joinpath(VOCABULARY_FILE).read_text("utf-8")
    raw = tomllib.loads(text)
    findings = tuple(
        FindingType(f["id"], words(f["phrases"]), bool(f["compressive"]), tuple(f["sources"]))
        for f in raw["finding"]
    )
    sten = raw["stenosis"]
    ces = raw["cauda_equina"]
    cauda = _alternation(ces["names"])
    # "{v}": one lumbar or sacral vertebra, captured as v ("L2", "S1")
    vertebra = r"(?P<v>[LS]\s?-?\s?[1-6])(?![\w-])"
    vert_phrases = [p.replace("{v}", vertebra, 1) for p in raw["level_context"]["vertebra"]]
    foramen = [p.replace("{v}", vertebra, 1) for p in raw["level_context"]["foramen"]]
    contact = raw["contact"]
    neg = raw["negation"]
    return Vocabulary(
        findings=findings,
        stenosis_noun=words(sten["nouns"]),
        stenosis_qualifiers=tuple((k, words(v)) for k, v in sten["qualifiers"].items()),
        stenosis_open=words(sten["open"]["phrases"]),
        others=tuple((o["id"], words(o["phrases"])) for o in raw["other"]),
        zones=_table(raw, "zones"),
        sides=_table(raw, "sides"),
        contact=tuple((k, words(contact[k])) for k in ("compressed", "displaced", "contact")),
        contact_none=words(contact["none"]),
        not_root_objects=words(contact["not_root_objects"]),
        root_words=words(contact["root_words"]),
        root_prefixes=words(contact["root_prefixes"]),
        negation_cues=words(neg["cues"]),
        negation_terminators=words(neg["terminators"]),
        negation_post=words(neg["post_cues"]),
        normal=words(raw["normal"]["phrases"]),
        severity=_table(raw, "severity"),
        cauda_equina=words([p.replace("{cauda}", f"(?:{cauda})") for p in ces["phrases"]]),
        cauda_large_disc=words(ces["large_disc"]),
        cauda_sac_compression=words(ces["sac_compression"]),
        cauda_syndrome=words([p.replace("{cauda}", f"(?:{cauda})") for p in ces["syndrome"]]),
        cauda_hypothetical=words(ces["hypothetical"]),
        symptom_sides=words(raw["sides_not"]["symptoms"]),
        figure_panels=re.compile(
            rf"\((?:{_alternation(raw['sides_not']['figure_panels'])})\)", re.IGNORECASE
        ),
        central_any=words(sten["central_phrases"]["any"]),
        central_severe=words(sten["central_phrases"]["severe"]),
        ap_diameter=re.compile(
            rf"(?:{_alternation(sten['ap_diameter']['words'])})\D{{0,40}}?(?P<lt><\s?)?"
            r"(?P<mm>\d{1,2}(?:\.\d+)?)\s?mm",
            re.IGNORECASE,
        ),
        skip_sections=_header(raw["sections"]["skip"]),
        read_sections=_header(raw["sections"]["read"]),
        request_cues=re.compile(
            rf"(?:{_alternation(raw['sections']['request_cues'])})", re.IGNORECASE
        ),
        context_stops=words(raw["level_context"]["stops"]),
        vertebra_level=tuple(re.compile(rf"(?<![\w-]){p}", re.IGNORECASE) for p in vert_phrases),
        vertebra_foramen=tuple(re.compile(rf"(?<![\w-]){p}", re.IGNORECASE) for p in foramen),
        background=words(raw["background"]["phrases"]),
        unread_terms=words(raw["unread_terms"]["phrases"]),
        raw=raw,
    )
