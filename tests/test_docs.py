"""The docs keep up with the code: every command, knowledge file and the two set-up commands."""

from __future__ import annotations

from importlib import resources

from radiculog.cli import build_parser
from tests.conftest import REPO


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


def test_every_cli_command_is_documented_and_has_help() -> None:
    text = (REPO / "docs" / "cli.md").read_text()
    for name in _subcommands():
        assert f"`radiculog {name}" in text, name
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    for name, sub in action.choices.items():  # type: ignore[union-attr]
        assert sub.format_help().strip(), name


def test_readme_gives_the_two_commands_and_the_safety_notice() -> None:
    text = (REPO / "README.md").read_text()
    assert "scripts/serve" in text and "scripts/test" in text
    assert "not a diagnosis" in text and "emergency" in text.lower()
    ci = (REPO / ".ci" / "run").read_text()
    assert "scripts/test" in ci


def test_every_knowledge_file_is_described_for_clinicians() -> None:
    docs = (REPO / "docs" / "clinical-model.md").read_text() + (
        REPO / "docs" / "knowledge.md"
    ).read_text()
    for path in resources.files("radiculog.knowledge").iterdir():
        if path.name.endswith((".toml", ".csv")):
            assert path.name in docs, (
                f"{path.name} is not described in docs/clinical-model.md or knowledge.md"
            )


def test_every_deploy_file_is_in_the_hosting_guide() -> None:
    guide = (REPO / "docs" / "hosting.md").read_text()
    for path in (REPO / "deploy").rglob("*"):
        if path.is_file() and path.name != "local_stack.py" and "__pycache__" not in path.parts:
            assert path.name in guide, f"{path.relative_to(REPO)} is not in docs/hosting.md"
    assert "scripts/deploy-local" in guide


def test_every_variable_of_the_production_env_file_is_documented() -> None:
    import re

    config = (REPO / "docs" / "configuration.md").read_text()
    env = (REPO / "deploy" / "radiculog.env").read_text()
    names = re.findall(r"^#?([A-Z][A-Z0-9_]+)=", env, re.M)
    assert "RADICULOG_SECRET_KEY_FILE" in names
    for name in names:
        assert f"`{name}" in config, f"{name} (deploy/radiculog.env) is not in configuration.md"
