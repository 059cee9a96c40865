"""H12: person-facing strings in every web template and view go through translation.

tests/web/test_selfcheck_i18n.py scans the site and self-check templates; this scans
every template folder of every web app, literal strings inside template tags, and the
views' Python. Out of scope: the JSON API (`web/api`, for developers, English by
contract) and management commands (for the operator)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.web.test_selfcheck_i18n import ATTRIBUTES, WEB, untranslated_words

TEMPLATES = sorted(p for p in WEB.rglob("*.html") if "templates" in p.relative_to(WEB).parts)
PYTHON = sorted(
    p
    for p in WEB.rglob("*.py")
    if not {"api", "management", "migrations"} & set(p.relative_to(WEB).parts)
)
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext",
           "pgettext_lazy", "npgettext", "format_lazy"}  # fmt: skip
# Calls whose string is for developers or logs, never shown to a person.
NOT_SHOWN = {"debug", "info", "warning", "error", "exception", "getLogger", "Http404"}
# Calls and keywords that put their string on a page.
SHOWN_CALLS = {"success", "add_message", "ValidationError", "HttpResponse",
               "HttpResponseBadRequest", "HttpResponseForbidden", "HttpResponseGone"}  # fmt: skip
SHOWN_KEYWORDS = {"label", "help_text", "verbose_name", "empty_label", "error_messages",
                  "choices", "title", "message"}  # fmt: skip
PROSE = re.compile(r"[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}")


def test_every_web_template_is_scanned() -> None:
    apps = {p.relative_to(WEB).parts[0] for p in TEMPLATES}
    assert {"templates", "selfcheck", "symptomlog", "reports", "imaging", "accounts"} <= apps


QUOTED = r"(\"[^\"]*\"|'[^']*')"
# Quoted text that is never shown: a gettext argument, a date format, a value compared with.
HIDDEN = re.compile(rf"_\(\s*{QUOTED}\s*\)|(date|time):\s*{QUOTED}|(==|!=|\bin)\s*{QUOTED}")


def _tag_literals(source: str) -> list[str]:
    """Quoted prose inside {{ }} and {% %} (a default, an include's `with`), other than in
    translate tags."""
    found = []
    for tag in re.findall(r"{{.*?}}|{%.*?%}", source, flags=re.S):
        if re.match(r"{%\s*(translate|blocktranslate|trans)\b", tag):
            continue
        for literal in re.findall(QUOTED, HIDDEN.sub("", tag)):
            if PROSE.search(literal):
                found.append(literal.strip("\"'"))
    return found


def test_the_scans_find_unwrapped_text() -> None:
    assert _tag_literals('{% include "x.html" with note="Call us today" %}') == ["Call us today"]
    assert _tag_literals('{{ x|default:_("none marked") }}{{ d|date:"D j M" }}') == []
    assert _python_strings('from x import y\nmessages.success(request, "Saved your entry")\n')
    assert _python_strings('HEAD = "Your log so far"\n')
    assert not _python_strings('"""A docstring, not shown."""\nHEAD = _("Your log so far")\n')
    assert _tag_literals('{% if row.latest == "not asked" %}') == []


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(WEB)))
def test_no_template_text_bypasses_translation(template: Path) -> None:
    source = template.read_text()
    assert untranslated_words(source) == []
    assert _tag_literals(source) == []
    for attribute in ATTRIBUTES:
        for value in re.findall(rf'\s{attribute}="([^"]*)"', source):
            assert value == "" or value.startswith(("{%", "{{")), f"{attribute}={value!r}"


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _python_strings(source: str) -> list[str]:
    """String literals a person could read: sentence-like ones anywhere, and any prose
    given to a message, a validation error, a response or a form label; never those
    inside a gettext call, a docstring or a log call."""
    tree = ast.parse(source)
    skip: set[int] = set()
    shown: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in GETTEXT | NOT_SHOWN:
                skip |= {id(n) for n in ast.walk(node)}
            parts = [*node.args] if name in SHOWN_CALLS else []
            parts += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            shown |= {id(n) for part in parts for n in ast.walk(part)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skip:
            continue
        sentence = re.match(r"[A-Z][a-z']*( [A-Za-z,'’-]+){2,}", node.value)
        if sentence or (id(node) in shown and PROSE.search(node.value)):
            found.append(node.value)
    return found


@pytest.mark.parametrize("module", PYTHON, ids=lambda p: str(p.relative_to(WEB)))
def test_no_view_text_bypasses_translation(module: Path) -> None:
    assert _python_strings(module.read_text()) == []
