"""H5 on the result page: wherever the root bars are shown, the overlap note is too."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import radiculog
from tests.web.selfcheck_helpers import load_examples, walk

pytestmark = pytest.mark.django_db
K = radiculog.load_knowledge()


@pytest.mark.parametrize("name", sorted(load_examples()))
def test_the_root_bars_always_come_with_the_overlap_note(client, name):
    walk(client, load_examples()[name]["findings"])
    response = client.get("/check/result/")
    page = BeautifulSoup(response.content, "html.parser")
    bars = page.select(".bars")
    if response.context["tier"] != "emergency":
        assert bars, "the root picture is shown once the root questions are done"
    if bars:
        section = bars[0].find_parent("section")
        assert K.overlap["text"] in " ".join(section.get_text(" ").split())
