"""H8 on the paste page: each bulge or wear finding is shown with its rate in people
without back pain at the age the person gives."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.imaging.test_prevalence_shown import LEVELS, PHRASES, expected

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("age", [19, 47, 83])
def test_the_page_shows_each_findings_rate_at_the_persons_age(client, age):
    lines = [f"{LEVELS[n % len(LEVELS)]}: {p}" for n, p in enumerate(PHRASES.values())]
    report = "\n".join(lines)
    response = client.post("/imaging/", {"text": report, "age": age})
    assert response.status_code == 200
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert "How common these are in people with no back pain" in text
    for finding in PHRASES:
        table_age, percent = expected(finding, age)
        assert f"About {percent} in 100 people aged {table_age} with no back pain have" in text
