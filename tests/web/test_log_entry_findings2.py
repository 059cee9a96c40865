"""The quick entry asks the findings@2 warning questions (issues 9 and 18): pain
getting worse, toes catching, a small fall and issue 18's signs with the "anything
new?" list at every entry; the background (long-term steroids, osteoporosis, blood
thinners, pregnancy, a recent spinal procedure) once, in a folded "about you" part,
carried forward. The stored entry carries them (findings@2) and the log's tier follows."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

import radiculog
from radiculog.engine.knowledge import load_knowledge
from radiculog.web.symptomlog.forms import BACKGROUND, NEW_FLAGS, findings_from
from radiculog.web.symptomlog.models import Entry, Log
from radiculog.web.symptomlog.writing import add_entry
from tests.web.log_personas import START, People, add, base_findings, make_people
from tests.web.test_log_entry import form_data

K = load_knowledge()
# Every findings@2 sign asked at each entry: issue 9's three and issue 18's eight.
EVERY_ENTRY = tuple(q for q in NEW_FLAGS if K.questions[q].since == 2)


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def page_of(client: Client) -> BeautifulSoup:
    return BeautifulSoup(client.get(reverse("symptomlog:new")).content, "html.parser")


def post(client: Client, **overrides: Any) -> Entry:
    data = form_data(**overrides)
    if overrides.get("new_flags"):
        del data["none_new"]
    response = client.post(reverse("symptomlog:new"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = Entry.objects.filter(log__owner_id=client.session["_auth_user_id"]).last()
    assert entry is not None
    return entry


def log_tier(client: Client) -> str:
    return str(client.get(reverse("symptomlog:log")).context["assessment"]["urgency"]["tier"])


def test_the_form_asks_all_five_in_the_knowledge_files_words(
    people: People, client: Client
) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    page = page_of(client)
    flags = {i["value"] for i in page.select("input[name=new_flags]")}
    assert set(EVERY_ENTRY) <= flags
    about = page.select_one("details#about-you")
    assert about.has_attr("open")  # not answered yet: shown
    for question in BACKGROUND:
        values = {i["value"] for i in about.select(f"input[name={question}]")}
        assert values == {"yes", "no", "unsure"}
        assert not about.select(f"input[name={question}][checked]")  # no default answer
        assert K.questions[question].text in about.text


def test_toes_catching_is_stored_as_findings2_and_makes_the_log_urgent(
    people: People, client: Client
) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    assert log_tier(client) == "watchful"
    entry = post(client, right="10", new_flags=["toes_catching"])
    assert entry.findings["schema"] == "radiculog/findings@2"
    assert entry.findings["answers"]["toes_catching"] is True
    assert entry.tier == "urgent" and log_tier(client) == "urgent"
    assert client.get("/api/v1/log").json()["schema"] == "radiculog/log@2"
    for name in ("symptomlog:export_csv", "symptomlog:export_fhir", "reports:report"):
        response = client.get(reverse(name))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200 and body, name
    assert b"toes catch" in client.get(reverse("reports:report")).content.lower()


def test_steroids_once_and_a_small_fall_later_is_urgent(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    others = {q: "no" for q in BACKGROUND if q not in ("long_term_steroids", "osteoporosis")}
    first = post(client, right="10", long_term_steroids="yes", osteoporosis="no", **others)
    assert first.findings["answers"]["long_term_steroids"] is True
    assert first.findings["answers"]["osteoporosis"] is False
    assert first.tier == "soon"  # fragile bones alone: within days (downie2013)
    about = page_of(client).select_one("details#about-you")
    assert not about.has_attr("open")  # answered: folded away, carried forward
    assert about.select_one("input[name=long_term_steroids][value=yes]").has_attr("checked")
    # The next entry leaves the background alone (as a client without it would).
    fall = post(client, right="10", new_flags=["minor_fall"])
    assert fall.findings["answers"]["long_term_steroids"] is True  # carried forward
    assert fall.findings["answers"]["minor_fall"] is True
    assert fall.tier == "urgent" and log_tier(client) == "urgent"
    reasons = client.get("/api/v1/log/trend").json()["urgency"]["reasons"]
    assert "fragile_bones_minor_fall" in {r["id"] for r in reasons}


def test_unanswered_and_not_sure_are_never_no(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    blank = post(client, right="10")
    assert not set(BACKGROUND) & set(blank.findings["answers"])
    yes = post(client, right="10", osteoporosis="yes")
    assert yes.findings["answers"]["osteoporosis"] is True
    unsure = post(client, right="10", osteoporosis="unsure")
    assert "osteoporosis" not in unsure.findings["answers"]
    assert page_of(client).select_one("details#about-you").has_attr("open")  # asked again


def test_none_of_these_keeps_a_yes_from_an_earlier_entry(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    post(client, right="10", new_flags=["toes_catching"])
    calm = post(client, right="10")  # "none of these has started" since then
    assert calm.findings["answers"]["toes_catching"] is True  # still a yes
    assert calm.findings["answers"]["pain_getting_worse"] is False
    assert calm.tier == "urgent"


def test_an_entry_after_a_findings2_self_check_is_readable(people: People, client: Client) -> None:
    """A log begun from a self-check that answered a findings@2 question: the next
    quick entry carries that answer over, so it must be findings@2 too."""
    log = Log.objects.get(owner=people.alice)
    check = {**base_findings(), "schema": "radiculog/findings@2"}
    check["answers"] = {**check["answers"], "pain_getting_worse": False, "osteoporosis": True}
    add_entry(log, check, at=START)
    client.force_login(people.alice)
    entry = post(client, right="10")
    assert entry.findings["schema"] == "radiculog/findings@2"
    assert entry.findings["answers"]["osteoporosis"] is True
    assert not log.read().unreadable


# --- Property: answering yes never lowers the log's tier. ---

QUESTIONS = (*EVERY_ENTRY, *BACKGROUND)
CHOICES = st.sampled_from(["yes", "no", "unsure", ""])


def cleaned(flags: set[str], background: dict[str, str]) -> dict[str, Any]:
    """What the form's cleaned_data holds for these answers (the rest as form_data)."""
    return {
        "new_flags": sorted(flags),
        "none_new": not flags,
        "pain_spots": ["right:calf"],
        "feeling_spots": [],
        "feeling_kind": "tingling",
        "test": "toe_lift",
        "left": 10,
        "right": 10,
        **background,
    }


def log_tier_after(previous: dict[str, Any], data: dict[str, Any]) -> int:
    new = findings_from(data, previous)
    doc = {
        "schema": "radiculog/log@1",
        "entries": [
            {"at": "2026-11-21T08:00:00Z", "findings": previous},
            {"at": "2026-11-21T20:00:00Z", "findings": new},
        ],
    }
    return K.tiers[radiculog.trend(doc).urgency.tier].rank


@settings(max_examples=200, deadline=None)
@given(
    st.sets(st.sampled_from(EVERY_ENTRY)),
    st.fixed_dictionaries({q: CHOICES for q in BACKGROUND}),
    st.sampled_from(QUESTIONS),
    st.dictionaries(st.sampled_from(QUESTIONS), st.booleans()),
)
def test_answering_yes_never_lowers_the_tier(
    flags: set[str], background: dict[str, str], question: str, before: dict[str, bool]
) -> None:
    previous = {**base_findings(), "schema": "radiculog/findings@2"}
    previous["answers"] = {**previous["answers"], **before}
    base = log_tier_after(previous, cleaned(flags, background))
    if question in NEW_FLAGS:
        raised = cleaned(flags | {question}, background)
    else:
        raised = cleaned(flags, {**background, question: "yes"})
    assert findings_from(raised, previous)["answers"][question] is True  # stored as yes
    assert log_tier_after(previous, raised) >= base


def test_blood_thinners_once_and_sudden_severe_pain_later_is_an_emergency(
    people: People, client: Client
) -> None:
    """Issue 18: a background answer carried forward meets a sign of a later entry."""
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    first = post(client, right="10", anticoagulant_or_bleeding_disorder="yes")
    assert first.findings["schema"] == "radiculog/findings@2"
    assert first.tier != "emergency"
    later = post(client, right="10", new_flags=["sudden_severe_pain"])
    assert later.findings["answers"]["anticoagulant_or_bleeding_disorder"] is True
    assert later.tier == "emergency" and log_tier(client) == "emergency"
    reasons = client.get("/api/v1/log/trend").json()["urgency"]["reasons"]
    assert "blood_thinner_sudden_pain" in {r["id"] for r in reasons}
