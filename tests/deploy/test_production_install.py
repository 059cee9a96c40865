"""A production install has the runtime and none of the development tools, and in
the documented production configuration (deploy/radiculog.env) Django's deployment
check is clean at WARNING level."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.conftest import REPO

DEV_TOOLS = {"pytest", "ruff", "mypy", "playwright", "hypothesis", "django-stubs", "pypdf"}
RUNTIME = {"django", "gunicorn", "whitenoise", "django-axes", "django-ipware", "icalendar"}


def pins(path: Path) -> dict[str, str]:
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\", path.read_text(), re.M))


def test_the_production_lock_pins_the_runtime_the_same_as_the_full_lock() -> None:
    production = pins(REPO / "requirements" / "production.txt")
    full = pins(REPO / "requirements" / "lock.txt")
    assert production.keys() >= RUNTIME
    assert not DEV_TOOLS & production.keys()
    assert {name: full.get(name) for name in production} == production


def production_env(tmp: Path) -> dict[str, str]:
    # A clean environment, as under systemd: nothing from the test run (the browser
    # tests set DJANGO_ALLOW_ASYNC_UNSAFE, which the deployment check rightly refuses).
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    for line in (REPO / "deploy" / "radiculog.env").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    key = tmp / "secret_key"
    key.write_text(os.urandom(48).hex())
    env.update(RADICULOG_SECRET_KEY_FILE=str(key), RADICULOG_DATA_DIR=str(tmp / "data"))
    return env


@pytest.mark.stack
def test_a_production_install_runs_and_passes_the_deployment_check(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("needs uv (scripts/bootstrap installs it)")
    venv = tmp_path / "venv"
    py = venv / "bin" / "python"

    def run(*args: str | Path, env: dict[str, str] | None = None) -> str:
        done = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=600)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    # What docs/hosting.md tells the administrator to run.
    run(uv, "venv", "--quiet", "--python", "python3.11", venv)
    run(uv, "pip", "sync", "--quiet", "--python", py, "--require-hashes",
        REPO / "requirements" / "production.txt")  # fmt: skip
    run(uv, "pip", "install", "--quiet", "--python", py, "--no-deps", REPO)
    installed = run(uv, "pip", "freeze", "--python", py).lower()
    assert "gunicorn==" in installed and "pytest" not in installed and "ruff" not in installed
    env = production_env(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "radiculog.web.settings"
    out = run(py, "-m", "django", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert "no issues" in out
    assert (venv / "bin" / "gunicorn").exists()


def test_the_deployment_check_fails_without_the_documented_settings(tmp_path: Path) -> None:
    """The check above means something: drop the HTTPS redirect and it warns."""
    env = production_env(tmp_path)
    env["RADICULOG_SSL_REDIRECT"] = "false"
    env["DJANGO_SETTINGS_MODULE"] = "radiculog.web.settings"
    done = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-m", "django", "check", "--deploy",
         "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "security.W008" in done.stderr + done.stdout
