"""Strict environment readers, and every RADICULOG_* variable documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from radiculog.web.env import env_bool, env_int, env_secret, env_str

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("false", False), ("TRUE", True)])
def test_env_bool_reads_true_and_false(monkeypatch, raw, expected):
    monkeypatch.setenv("RADICULOG_X", raw)
    assert env_bool("RADICULOG_X", not expected) is expected


@pytest.mark.parametrize("raw", ["1", "yes", "on", "treu", "0"])
def test_env_bool_rejects_anything_else_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("RADICULOG_X", raw)
    with pytest.raises(ImproperlyConfigured, match=rf"RADICULOG_X='{raw}'.*true or false"):
        env_bool("RADICULOG_X", False)


def test_env_bool_and_int_use_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("RADICULOG_X", raising=False)
    assert env_bool("RADICULOG_X", True) is True
    assert env_int("RADICULOG_X", 7) == 7


def test_env_int_rejects_non_numbers(monkeypatch):
    monkeypatch.setenv("RADICULOG_X", "72h")
    with pytest.raises(ImproperlyConfigured, match="RADICULOG_X='72h'"):
        env_int("RADICULOG_X", 1)


def test_env_str_rejects_values_outside_the_allowed_list(monkeypatch):
    monkeypatch.setenv("RADICULOG_TEST_DB", "mysql")
    with pytest.raises(ImproperlyConfigured, match="sqlite, postgres"):
        env_str("RADICULOG_TEST_DB", "", allowed=("", "sqlite", "postgres"))


def test_env_secret_reads_the_file_variant(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.delenv("RADICULOG_K", raising=False)
    monkeypatch.setenv("RADICULOG_K_FILE", str(secret))
    assert env_secret("RADICULOG_K") == "s3cret"
    monkeypatch.setenv("RADICULOG_K", "other")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env_secret("RADICULOG_K")


def test_env_secret_names_an_unreadable_file(monkeypatch, tmp_path):
    monkeypatch.delenv("RADICULOG_K", raising=False)
    monkeypatch.setenv("RADICULOG_K_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="RADICULOG_K_FILE"):
        env_secret("RADICULOG_K")


def test_every_variable_read_in_settings_is_documented():
    source = (REPO / "src/radiculog/web/settings.py").read_text()
    read = set(re.findall(r"\"(RADICULOG_[A-Z0-9_]+)\"", source)) | {"DATABASE_URL"}
    if "env_secret(" in source:
        read |= {f"{name}_FILE" for name in re.findall(r"env_secret\(\"(\w+)\"", source)}
    documented = set(
        re.findall(
            r"`(RADICULOG_[A-Z0-9_]+|DATABASE_URL)`", (REPO / "docs/configuration.md").read_text()
        )
    )
    assert read, "no variables found; has the settings layout changed?"
    assert read - documented == set()


def test_passwords_hash_with_argon2_first():
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sqlite_connections_switch_to_wal():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("not running on SQLite")
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_debug_is_off_outside_the_development_server():
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE is True
