"""The quick entry: prefilled from the last entry, saved as findings, assessed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from radiculog.web.symptomlog.models import Entry, Log
from tests.web.log_personas import People, add, make_people


@pytest.fixture
def people(db: Any) -> People:
    return make_people()


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "pain_spots": ["right:calf", "right:dorsum_foot"],
        "feeling_spots": ["right:dorsum_foot"],
        "feeling_kind": "tingling",
        "test": "toe_lift",
        "left": "10",
        "right": "7",
        "when_day": "now",
        "leg_pain": "0",
        "back_pain": "3",
        "painkillers": "2",
        "sleep": "woken",
        "walk_minutes": "15",
        "triggers": "15 minutes sitting",
        "easers": "walking",
        "none_new": "on",
    }
    data.update(overrides)
    return data


def test_the_form_starts_from_the_last_entrys_body_map(people: People, client: Client) -> None:
    entry = add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    page = BeautifulSoup(client.get(reverse("symptomlog:new")).content, "html.parser")
    checked = {i["value"] for i in page.select("input[name=pain_spots][checked]")}
    expected = {f"{p['side']}:{p['region']}" for p in entry.findings["pain"]}
    assert checked == expected and checked
    assert page.select_one("select[name=test] option[selected]")["value"] == "toe_lift"


def test_an_entry_is_saved_as_findings_with_its_measures(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    response = client.post(reverse("symptomlog:new"), form_data())
    assert response.status_code == 302
    entry = Entry.objects.filter(log__owner=people.alice).last()
    assert entry is not None
    assert (entry.leg_pain, entry.back_pain, entry.painkillers) == (0, 3, 2)  # 0 is kept
    assert (entry.sleep, entry.walk_minutes, entry.triggers) == ("woken", 15, "15 minutes sitting")
    assert entry.findings["function"] == [{"test": "toe_lift", "left": 10, "right": 7}]
    assert entry.findings["sensory"] == [
        {"region": "dorsum_foot", "side": "right", "kind": "tingling", "repeatable": False}
    ]
    assert entry.findings["answers"]["bladder_change"] is False  # carried over
    assert entry.tier in ("emergency", "urgent", "soon", "watchful")
    notes = entry.full_findings()["notes"]
    assert notes.startswith(
        "Leg pain 0/10. Back pain 3/10. Sleep: woke with pain. Walked 15 minutes."
        " As-needed painkillers: 2."
    )


def test_a_new_warning_sign_becomes_a_yes_and_escalates(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    data = form_data(new_flags=["bladder_change"])
    del data["none_new"]
    client.post(reverse("symptomlog:new"), data)
    entry = Entry.objects.filter(log__owner=people.alice).last()
    assert entry is not None and entry.findings["answers"]["bladder_change"] is True
    assert entry.tier == "emergency"
    page = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    assert "tier-emergency" in page.select_one("main .escalation")["class"]


def test_the_warning_signs_question_must_be_answered(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    data = form_data()
    del data["none_new"]
    response = client.post(reverse("symptomlog:new"), data)
    assert response.status_code == 200
    assert Entry.objects.filter(log__owner=people.alice).count() == 1
    assert "none of these" in response.content.decode()
    page = BeautifulSoup(response.content, "html.parser")
    assert (
        page.select_one("input[name=triggers]") or page.select_one("textarea[name=triggers]").text
    )


def test_out_of_range_values_are_refused_and_name_the_field(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("symptomlog:new"), form_data(right="500", leg_pain="11"))
    assert Entry.objects.filter(log__owner=people.alice).count() == 0
    errors = BeautifulSoup(response.content, "html.parser").select(".error-summary li")
    text = " ".join(e.text for e in errors)
    assert "Right: clean repetitions" in text and "Leg pain right now" in text


def test_a_spot_seen_at_the_last_entry_is_marked_repeatable(people: People, client: Client) -> None:
    client.force_login(people.alice)
    client.post(reverse("symptomlog:new"), form_data())
    client.post(reverse("symptomlog:new"), form_data())
    last = Entry.objects.filter(log__owner=people.alice).last()
    assert last is not None and last.findings["sensory"][0]["repeatable"] is True


def test_times_show_in_the_persons_own_time_zone(people: People, client: Client) -> None:
    log = people.alice.symptom_log
    log.timezone = "America/New_York"
    log.save()
    add(people.alice, 0, (10, 10))  # 08:00 UTC is 03:00 in New York in November
    client.force_login(people.alice)
    page = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    assert "03:00" in page.select_one(".entries tbody td").text
    doc = json.loads(client.get(reverse("symptomlog:export_json")).getvalue())
    assert doc["entries"][0]["at"].endswith("03:00:00-05:00")
    client.force_login(people.bob)  # the next person sees their own zone, not alice's
    add(people.bob, 0, (10, 10))
    page = BeautifulSoup(client.get(reverse("symptomlog:log")).content, "html.parser")
    assert "08:00" in page.select_one(".entries tbody td").text


def test_sign_up_keeps_the_browsers_time_zone(db: Any) -> None:
    password = "correct horse battery staple"
    for name, zone in (("zoe", "Europe/Berlin"), ("yan", "Mars/Olympus"), ("xia", "")):
        data = {"username": name, "password1": password, "password2": password, "tz": zone}
        Client().post(reverse("accounts:signup"), data)
    zones = dict(Log.objects.values_list("owner__username", "timezone"))
    assert zones == {"zoe": "Europe/Berlin", "yan": "UTC", "xia": "UTC"}  # unknown or none: UTC


# --- entries for earlier times (issue 14 item 3); a fixed clock, never today's date
NOW = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
def test_an_entry_can_be_dated_this_morning(people: People, client: Client) -> None:
    client.force_login(people.alice)
    response = client.post(
        reverse("symptomlog:new"), form_data(when_day="today", when_time="08:15")
    )
    assert response.status_code == 302
    entry = Entry.objects.get(log__owner=people.alice)
    assert entry.at == datetime(2026, 11, 24, 8, 15, tzinfo=UTC)


@time_machine.travel(NOW, tick=False)
def test_yesterday_is_read_on_the_persons_own_clock(people: People, client: Client) -> None:
    log = people.alice.symptom_log
    log.timezone = "Europe/Berlin"  # 20:30 local on 24 Nov
    log.save()
    client.force_login(people.alice)
    client.post(reverse("symptomlog:new"), form_data(when_day="yesterday", when_time="21:00"))
    entry = Entry.objects.get(log__owner=people.alice)
    assert entry.at == datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # 21:00 Berlin


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("day", "at"), [("today", "21:00"), ("today", ""), ("yesterday", ""), ("lastweek", "08:00")]
)
def test_a_future_missing_or_older_time_is_refused(
    people: People, client: Client, day: str, at: str
) -> None:
    client.force_login(people.alice)
    response = client.post(reverse("symptomlog:new"), form_data(when_day=day, when_time=at))
    assert response.status_code == 200
    assert not Entry.objects.filter(log__owner=people.alice).exists()
    errors = BeautifulSoup(response.content, "html.parser").select(".error-summary li")
    assert any("When was this check" in e.text or "At what time" in e.text for e in errors)


@time_machine.travel(NOW, tick=False)
def test_a_late_entry_takes_its_place_in_the_trend(people: People, client: Client) -> None:
    add(people.alice, 0, (10, 10))  # 21 Nov 08:00
    client.force_login(people.alice)
    client.post(reverse("symptomlog:new"), form_data(when_day="today", when_time="07:00"))
    client.post(reverse("symptomlog:new"), form_data())  # now, 19:30
    doc = people.alice.symptom_log.to_doc()
    times = [item["at"][:16] for item in doc["entries"]]
    assert times == ["2026-11-21T08:00", "2026-11-24T07:00", "2026-11-24T19:30"]


def _flagged(**overrides: Any) -> dict[str, Any]:
    data = form_data(new_flags=["bladder_change"], **overrides)
    del data["none_new"]
    return data


@time_machine.travel(NOW, tick=False)
def test_a_warning_sign_dated_earlier_keeps_the_logs_tier(people: People, client: Client) -> None:
    """Forgot to log this morning's bladder trouble: an entry dated 08:00, added after
    a calm 19:30 entry, still holds the log at emergency and names that entry."""
    add(people.alice, 0, (10, 10))
    client.force_login(people.alice)
    client.post(reverse("symptomlog:new"), form_data())  # 19:30, no warning sign
    response = client.post(reverse("symptomlog:new"), _flagged(when_day="today", when_time="08:00"))
    assert response.status_code == 302
    early = Entry.objects.get(log__owner=people.alice, at=datetime(2026, 11, 24, 8, tzinfo=UTC))
    assert early.findings["answers"]["bladder_change"] is True and early.tier == "emergency"
    page = client.get(reverse("symptomlog:log"))
    assessment = page.context["assessment"]
    assert assessment["urgency"]["tier"] == "emergency"
    held = [r for r in assessment["urgency"]["reasons"] if r["id"] == "earlier_bladder_change"]
    assert held and "24 Nov 2026 at 08:00" in held[0]["text"]


@time_machine.travel(NOW, tick=False)
def test_a_warning_sign_dated_before_a_clinician_seen_record_must_go_in_now(
    people: People, client: Client
) -> None:
    """Dated before "a clinician has seen me", a new sign would count as seen unheard."""
    add(people.alice, 0, (10, 10))
    log = people.alice.symptom_log
    log.clinician_seen.create(at=datetime(2026, 11, 24, 12, tzinfo=UTC))
    client.force_login(people.alice)
    data = _flagged(when_day="today", when_time="08:00")
    response = client.post(reverse("symptomlog:new"), data)
    assert response.status_code == 200 and log.entries.count() == 1
    page = BeautifulSoup(response.content, "html.parser")
    assert "a clinician saw you after this time" in page.select_one(".error-summary").text
    assert page.select_one("input[name=new_flags][value=bladder_change]").has_attr("checked")
    client.post(reverse("symptomlog:new"), _flagged(when_day="today", when_time="13:00"))
    client.post(reverse("symptomlog:new"), form_data())  # a calm entry at 19:30
    assessment = client.get(reverse("symptomlog:log")).context["assessment"]
    assert assessment["urgency"]["tier"] == "emergency"  # 13:00 is after the visit
