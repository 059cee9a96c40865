"""Every person-facing word in the self-check templates goes through translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "src" / "radiculog" / "web"
TEMPLATES = sorted(
    [*(WEB / "templates").rglob("*.html"), *(WEB / "selfcheck" / "templates").rglob("*.html")]
)
# Words that are the same in every language: the product name and root names.
ALLOWED = {"Radiculog"}
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


def untranslated_words(source: str) -> list[str]:
    text = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", " ", source, flags=re.S)
    text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z']+", text)
    return [w for w in words if w not in ALLOWED and not re.fullmatch(r"[LS]\d", w)]


def test_the_scan_finds_plain_text():
    assert untranslated_words("<p>Hello {% translate 'x' %}</p>") == ["Hello"]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(WEB)))
def test_no_person_facing_text_bypasses_translation(template):
    source = template.read_text()
    assert untranslated_words(source) == []
    for attribute in ATTRIBUTES:
        for value in re.findall(rf'\s{attribute}="([^"]*)"', source):
            assert value == "" or value.startswith(("{%", "{{")), f"{attribute}={value!r}"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(WEB)))
def test_templates_that_translate_load_i18n(template):
    source = template.read_text()
    if re.search(r"{%\s*(translate|blocktranslate)", source):
        assert "{% load i18n" in source
