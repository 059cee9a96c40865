"""Valid findings@2 documents for property tests, drawn from the contract's own enums."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from radiculog.contract.schema import load_schema

_PROPS = load_schema("findings2")["properties"]
QUESTIONS = sorted(_PROPS["answers"]["properties"])
_SIDED = _PROPS["pain"]["items"]["oneOf"][0]["properties"]
REGIONS = _SIDED["region"]["enum"]
SIDES = _SIDED["side"]["enum"]
TESTS = _PROPS["function"]["items"]["properties"]["test"]["enum"]
_REFLEX = _PROPS["reflexes"]["items"]["properties"]
_PROVOCATION = _PROPS["provocation"]["items"]["properties"]


def _place() -> st.SearchStrategy[dict[str, Any]]:
    sided = st.fixed_dictionaries(
        {"region": st.sampled_from(REGIONS), "side": st.sampled_from(SIDES)}
    )
    return st.one_of(sided, st.just({"region": "saddle"}))


def _sensory() -> st.SearchStrategy[dict[str, Any]]:
    extra = st.fixed_dictionaries(
        {}, optional={"kind": st.sampled_from(["numb", "tingling"]), "repeatable": st.booleans()}
    )
    return st.builds(lambda place, more: {**place, **more}, _place(), extra)


_VALUE = st.one_of(st.integers(0, 200), st.sampled_from(["normal", "weaker", "unable"]))


def _function(test: str) -> st.SearchStrategy[dict[str, Any]]:
    sides = st.fixed_dictionaries({}, optional={"left": _VALUE, "right": _VALUE})
    return sides.filter(bool).map(lambda values: {"test": test, **values})


def _entries(props: dict[str, Any], key: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    one = st.fixed_dictionaries(
        {
            key: st.sampled_from(props[key]["enum"]),
            "side": st.sampled_from(SIDES),
            "result": st.sampled_from(props["result"]["enum"]),
        }
    )
    return st.lists(one, max_size=3)


@st.composite
def findings_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid findings@2 document: any answers (some left out), places, tests, exam."""
    doc: dict[str, Any] = {"schema": "radiculog/findings@2"}
    doc["answers"] = draw(st.dictionaries(st.sampled_from(QUESTIONS), st.booleans()))
    doc["pain"] = draw(st.lists(_place(), max_size=5))
    doc["sensory"] = draw(st.lists(_sensory(), max_size=4))
    tests = draw(st.lists(st.sampled_from(TESTS), unique=True, max_size=4))
    doc["function"] = [draw(_function(t)) for t in tests]
    doc["reflexes"] = draw(_entries(_REFLEX, "reflex"))
    doc["provocation"] = draw(_entries(_PROVOCATION, "test"))
    for key, values in (("age", st.integers(0, 130)), ("days_since_onset", st.integers(0, 400))):
        if draw(st.booleans()):
            doc[key] = draw(values)
    return doc
