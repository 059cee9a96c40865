"""Turn a findings document into the form posts a person would make, step by step."""

from __future__ import annotations

import json
from typing import Any

from radiculog.web.selfcheck.steps import STEPS
from tests.conftest import contract_examples


def load_examples() -> dict[str, dict[str, Any]]:
    """The contract examples by file stem."""
    return {f.stem: json.loads(f.read_text()) for f in contract_examples()}


def region_key(entry: dict[str, Any]) -> str:
    return f"{entry['side']}:{entry['region']}" if "side" in entry else entry["region"]


def _answer(answers: dict[str, bool], qid: str) -> str:
    if qid not in answers:
        return "unsure"
    return "yes" if answers[qid] else "no"


def _side(value: Any) -> tuple[str, str]:
    if value is None:
        return "", ""
    return (str(value), "") if isinstance(value, int) else ("", value)


def posts_for(findings: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    answers = findings.get("answers", {})
    sensory = findings.get("sensory", [])
    function = {f["test"]: f for f in findings.get("function", [])}
    posts: list[tuple[str, dict[str, Any]]] = []
    for step in STEPS:
        data: dict[str, Any]
        if step.kind in ("questions", "symptoms"):
            data = {q: _answer(answers, q) for q in step.items}
            if step.kind == "symptoms":
                data |= {f: findings.get(f, "") for f in ("age", "days_since_onset")}
        elif step.kind == "map" and step.items[0] == "pain":
            data = {"regions": [region_key(e) for e in findings.get("pain", [])]}
        elif step.kind == "map":
            first = sensory[0] if sensory else {}
            repeatable = first.get("repeatable")
            data = {
                "regions": [region_key(e) for e in sensory],
                "kind": first.get("kind", ""),
                "repeatable": "" if repeatable is None else ("yes" if repeatable else "no"),
            }
        else:
            data = {}
            for test, item in function.items():
                for side in ("left", "right"):
                    reps, choice = _side(item.get(side))
                    if reps:
                        data[f"{test}:{side}_reps"] = reps
                    if choice:
                        data[f"{test}:{side}_choice"] = choice
            data |= {
                f"reflex:{r['reflex']}:{r['side']}": r["result"]
                for r in findings.get("reflexes", [])
            }
            data |= {
                f"provocation:{p['test']}:{p['side']}": p["result"]
                for p in findings.get("provocation", [])
            }
        posts.append((step.slug, data))
    return posts


def walk(client: Any, findings: dict[str, Any]) -> list[Any]:
    """Post every step (even after an emergency stop) and return the responses."""
    return [client.post(f"/check/step/{slug}/", data) for slug, data in posts_for(findings)]


def normalised(findings: dict[str, Any]) -> dict[str, Any]:
    """Order-free form of a findings document, for comparing documents."""
    out = dict(findings)
    for field in ("pain", "sensory", "function", "reflexes", "provocation"):
        if field in out:
            out[field] = sorted(out[field], key=lambda e: sorted(e.items(), key=str).__repr__())
    return out
