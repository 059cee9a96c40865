"""Sign-up from the result page, in one step, carrying over the check just done."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

import radiculog
from radiculog.web.selfcheck import session as selfcheck_session
from radiculog.web.symptomlog.models import Entry
from tests.web.log_personas import PASSWORD, base_findings

NEW = {"username": "dana", "password1": PASSWORD, "password2": PASSWORD}


def store_check(client: Client) -> dict[str, Any]:
    """Put a finished self-check in the client's session, as the self-check pages do."""
    findings = base_findings()
    state = selfcheck_session.blank_state()
    state["answers"] = {q: "yes" if a else "no" for q, a in findings["answers"].items()}
    state["pain"] = [f"{p['side']}:{p['region']}" for p in findings["pain"]]
    session = client.session
    session[selfcheck_session.KEY] = state
    session.save()
    return findings


def test_the_result_button_leads_a_visitor_to_sign_up(client: Client, db: Any) -> None:
    response = client.get(reverse("symptomlog:start"))
    assert response["Location"] == reverse("accounts:signup")


def test_signing_up_carries_the_check_into_the_first_entry(client: Client, db: Any) -> None:
    findings = store_check(client)
    response = client.post(reverse("accounts:signup"), NEW)
    assert response["Location"] == reverse("symptomlog:log")
    (entry,) = Entry.objects.filter(log__owner__username="dana")
    assert entry.findings["answers"] == findings["answers"]
    assert {p["region"] for p in entry.findings["pain"]} == {p["region"] for p in findings["pain"]}
    assert entry.tier == "watchful"
    assert client.get(reverse("symptomlog:log")).status_code == 200  # signed in already


def test_signing_up_without_a_check_starts_an_empty_log(client: Client, db: Any) -> None:
    client.post(reverse("accounts:signup"), NEW)
    user = User.objects.get(username="dana")
    assert user.symptom_log.entries.count() == 0


def test_passwords_are_hashed_with_argon2(client: Client, db: Any) -> None:
    client.post(reverse("accounts:signup"), NEW)
    assert User.objects.get(username="dana").password.startswith("argon2")


def test_a_weak_password_is_refused_and_no_account_made(client: Client, db: Any) -> None:
    response = client.post(
        reverse("accounts:signup"), {**NEW, "password1": "12345", "password2": "12345"}
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="dana").exists()
    assert "too short" in response.content.decode()


def test_the_same_check_is_not_carried_over_twice(client: Client, db: Any) -> None:
    store_check(client)
    client.post(reverse("accounts:signup"), NEW)
    client.post(reverse("symptomlog:start"))
    assert Entry.objects.filter(log__owner__username="dana").count() == 1


def test_the_first_entry_form_offers_the_engines_daily_test(client: Client, db: Any) -> None:
    findings = store_check(client)
    client.post(reverse("accounts:signup"), NEW)
    page = client.get(reverse("symptomlog:new")).content.decode()
    expected = radiculog.trend(
        {
            "schema": "radiculog/log@1",
            "entries": [{"at": "2026-11-21T08:00:00Z", "findings": findings}],
        }
    ).to_dict()["decision_card"]["daily_check"]["test"]
    assert f'<option value="{expected}" selected>' in page


@pytest.mark.parametrize("has_check", [True, False])
def test_a_signed_in_person_starts_the_log_from_the_result(
    client: Client, db: Any, has_check: bool
) -> None:
    user = User.objects.create_user("erin", password=PASSWORD)
    client.force_login(user)
    if has_check:
        store_check(client)
    client.post(reverse("symptomlog:start"))
    assert Entry.objects.filter(log__owner=user).count() == (1 if has_check else 0)


def test_signing_up_without_email_warns_that_a_lost_password_loses_the_log(
    client: Client, db: Any
) -> None:
    page = client.post(reverse("accounts:signup"), NEW, follow=True).content.decode()
    assert "You gave no email address" in page
    assert "nobody can get your log" in page


def test_signing_up_with_email_keeps_it_for_a_reset_and_does_not_warn(
    client: Client, db: Any
) -> None:
    page = client.post(
        reverse("accounts:signup"), {**NEW, "email": "dana@example.org"}, follow=True
    ).content.decode()
    assert "You gave no email address" not in page
    assert User.objects.get(username="dana").email == "dana@example.org"


def test_the_sign_up_page_says_what_the_email_is_for(client: Client, db: Any) -> None:
    page = client.get(reverse("accounts:signup")).content.decode()
    assert "a lost password means a lost log" in page


def test_sign_ups_from_one_address_are_throttled(client: Client, db: Any) -> None:
    from radiculog.web.limits import SIGNUPS_PER_HOUR

    for n in range(SIGNUPS_PER_HOUR):
        client.post(reverse("accounts:signup"), {**NEW, "username": f"user{n}"})
        client.logout()
    refused = client.post(reverse("accounts:signup"), {**NEW, "username": "one-more"})
    assert refused.status_code == 429
    assert "Too many sign-ups" in refused.content.decode()
    assert not User.objects.filter(username="one-more").exists()
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert (
        elsewhere.post(reverse("accounts:signup"), {**NEW, "username": "fine"}).status_code == 302
    )
