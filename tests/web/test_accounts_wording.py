"""Sign-up and log-in speak plain words, not Django's stock labels."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

STOCK = ("150 characters or fewer", "Letters, digits and @/./+/-/_ only", "for verification")


def test_sign_up_asks_for_a_name_for_the_log_in_plain_words(client: Client, db: Any) -> None:
    page = BeautifulSoup(client.get(reverse("accounts:signup")).content, "html.parser")
    text = page.select_one("main").text
    labels = [label.text.strip() for label in page.select("main form label")]
    assert "A name for your log" in labels and "Type the password again" in labels
    assert "Not your real name" in text and "At least 8 characters" in text
    assert not any(words in text for words in STOCK)


def test_log_in_names_the_log_and_says_plainly_when_it_fails(client: Client, db: Any) -> None:
    page = BeautifulSoup(client.get(reverse("accounts:login")).content, "html.parser")
    assert "The name of your log" in [label.text.strip() for label in page.select("main label")]
    response = client.post(reverse("accounts:login"), {"username": "nobody", "password": "x"})
    assert "That name and password do not match a log." in response.content.decode()
