"""The self-check as a FHIR R4 Questionnaire, built from the knowledge.

Question ids and wording come from knowledge/vocabulary.toml, strength-test names
from knowledge/home_tests.toml, and the page order from the caller (the web check
passes web/selfcheck/steps.py), so a question added there appears here without
an edit. Only plain `enableWhen` is used (no FHIRPath or CQL expressions), so any
R4 form renderer can show it. linkIds are the findings contract's own names:
a question's id, or `pain`, `sensory`, `function.<test>.<side>` and so on, which
`questionnaire_response.py` reads back into a findings document.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire

from radiculog.engine.knowledge import load_knowledge
from radiculog.exports.fhir import BASE, CODE_SYSTEM

URL = f"{BASE}/Questionnaire/selfcheck"
SIDES = ("left", "right")
SENSORY_KINDS = ("numb", "tingling")
FUNCTION_WORDS = ("normal", "weaker", "unable")
REFLEX_RESULTS = ("normal", "reduced", "absent", "brisk")
PROVOCATION_RESULTS = ("positive", "negative")
NO_SIDE = "saddle"  # the one region without a side (findings contract)


@dataclass(frozen=True)
class Page:
    """One page of the check: `kind` is questions | symptoms | map | tests."""

    slug: str
    kind: str
    title: str
    items: tuple[str, ...] = ()


def strength_test_names() -> dict[str, str]:
    text = files("radiculog.knowledge").joinpath("home_tests.toml").read_text("utf-8")
    return {key: t["name"] for key, t in tomllib.loads(text)["tests"].items()}


def _coding(system: str, code: str, display: str) -> dict[str, Any]:
    return {"valueCoding": {"system": f"{CODE_SYSTEM}/{system}", "code": code, "display": display}}


def _choice(link_id: str, text: str, system: str, options: dict[str, str]) -> dict[str, Any]:
    answers = [_coding(system, code, display) for code, display in options.items()]
    return {"linkId": link_id, "text": text, "type": "choice", "answerOption": answers}


def _sides(link_id: str) -> dict[str, Any]:
    return _choice(link_id, "Side", "side", {s: s for s in SIDES})


def _region_entry(name: str, text: str, extra: list[dict[str, Any]]) -> dict[str, Any]:
    """A repeating group: one region (and its side, unless it is the saddle area)."""
    regions = {key: r.label for key, r in load_knowledge().regions.items()}
    side = _sides(f"{name}.side")
    side["enableWhen"] = [
        {
            "question": f"{name}.region",
            "operator": "!=",
            "answerCoding": {"system": f"{CODE_SYSTEM}/region", "code": NO_SIDE},
        }
    ]
    region = _choice(f"{name}.region", "Where", "region", regions)
    region["required"] = True
    return {
        "linkId": name,
        "text": text,
        "type": "group",
        "repeats": True,
        "item": [region, side, *extra],
    }


def _questions(ids: Sequence[str]) -> list[dict[str, Any]]:
    """Boolean items; an id that is not a vocabulary question (a page's own field)
    is left out here rather than guessed at."""
    questions = load_knowledge().questions
    return [
        {"linkId": q, "text": questions[q].text, "type": "boolean"} for q in ids if q in questions
    ]


def _function(order: Sequence[str]) -> dict[str, Any]:
    """Per test and side: a count, or (when no count is given) a word."""
    names = strength_test_names()
    groups = []
    for test in [*order, *(t for t in names if t not in order)]:
        sides = []
        for side in SIDES:
            count = f"function.{test}.{side}"
            word = _choice(
                f"{count}.word", f"{side}: result", "function", {w: w for w in FUNCTION_WORDS}
            )
            word["enableWhen"] = [{"question": count, "operator": "exists", "answerBoolean": False}]
            sides += [{"linkId": count, "text": f"{side}: count", "type": "integer"}, word]
        groups.append(
            {"linkId": f"function.{test}", "text": names[test], "type": "group", "item": sides}
        )
    return {"linkId": "function", "text": "Strength tests", "type": "group", "item": groups}


def _page(page: Page, test_order: Sequence[str]) -> dict[str, Any]:
    if page.kind == "map":
        return _map(page)
    if page.kind == "tests":
        return {**_function(test_order), "text": page.title}
    return {
        "linkId": f"page.{page.slug}",
        "text": page.title,
        "type": "group",
        "item": _questions(page.items),
    }


def _map(page: Page) -> dict[str, Any]:
    (name,) = page.items
    if name == "pain":
        return _region_entry("pain", page.title, [])
    kind = _choice(
        "sensory.kind", "Numb or tingling", "sensory-kind", {k: k for k in SENSORY_KINDS}
    )
    repeatable = {
        "linkId": "sensory.repeatable",
        "text": "Same spot each time you check?",
        "type": "boolean",
    }
    return _region_entry("sensory", page.title, [kind, repeatable])


def _examination() -> dict[str, Any]:
    knowledge = load_knowledge()
    reflex = [
        _choice("reflexes.reflex", "Reflex", "reflex", dict(knowledge.reflexes)),
        _sides("reflexes.side"),
        _choice("reflexes.result", "Result", "reflex-result", {r: r for r in REFLEX_RESULTS}),
    ]
    provocation = [
        _choice("provocation.test", "Test", "provocation", dict(knowledge.provocation)),
        _sides("provocation.side"),
        _choice(
            "provocation.result",
            "Result",
            "provocation-result",
            {r: r for r in PROVOCATION_RESULTS},
        ),
    ]
    for entries in (reflex, provocation):
        for entry in entries:
            entry["required"] = True
    return {
        "linkId": "page.examination",
        "text": "Examination findings (entered by a clinician)",
        "type": "group",
        "item": [
            {
                "linkId": "reflexes",
                "text": "Reflexes",
                "type": "group",
                "repeats": True,
                "item": reflex,
            },
            {
                "linkId": "provocation",
                "text": "Nerve tension tests",
                "type": "group",
                "repeats": True,
                "item": provocation,
            },
        ],
    }


def build_questionnaire(pages: Sequence[Page], test_order: Sequence[str]) -> dict[str, Any]:
    """The validated Questionnaire as a JSON-ready dict. Questions of the vocabulary
    on no page (asked elsewhere, or by a clinician) follow the pages, so every id of
    the findings contract can be answered."""
    knowledge = load_knowledge()
    on_pages = {item for page in pages for item in page.items}
    others = [q for q in knowledge.questions if q not in on_pages]
    about = [
        {"linkId": "age", "text": "Age in years", "type": "integer"},
        {"linkId": "days_since_onset", "text": "Days since this episode began", "type": "integer"},
    ]
    items = [
        {"linkId": "page.about", "text": "About you", "type": "group", "item": about},
        *(_page(page, test_order) for page in pages),
    ]
    if others:
        items.append(
            {
                "linkId": "page.more",
                "text": "More questions",
                "type": "group",
                "item": _questions(others),
            }
        )
    items += [_examination(), {"linkId": "notes", "text": "Notes", "type": "text"}]
    resource = {
        "resourceType": "Questionnaire",
        "id": "radiculog-selfcheck",
        "url": URL,
        "version": knowledge.version,
        "name": "RadiculogSelfCheck",
        "title": "Radiculog sciatica self-check",
        "status": "active",
        "subjectType": ["Patient"],
        "description": (
            "The questions of the Radiculog self-check (educational, not a diagnosis). "
            "Unanswered questions are left out of a response and stay unanswered."
        ),
        "item": items,
    }
    Questionnaire.model_validate(resource)
    return resource
