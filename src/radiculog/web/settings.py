"""Django settings for Radiculog: one file, configured by RADICULOG_* variables.

Every variable is documented in docs/configuration.md (a test checks this).
With no variables set, `scripts/serve` runs on SQLite in var/ with DEBUG on.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from radiculog.engine.services import default_region, regions, use_region
from radiculog.web.env import env_bool, env_int, env_list, env_secret, env_str

WEB_DIR = Path(__file__).resolve().parent
BASE_DIR = WEB_DIR.parents[2]  # the repository root (manage.py lives here)
VAR_DIR = Path(env_str("RADICULOG_DATA_DIR", str(BASE_DIR / "var")))

# DEBUG defaults to true only for the local development server (`manage.py
# runserver`, which scripts/serve runs); every other process defaults to false.
DEBUG = env_bool("RADICULOG_DEBUG", "runserver" in sys.argv)


def _secret_key() -> str:
    """The configured key, else one generated once and kept in var/ (never in git)."""
    configured = env_secret("RADICULOG_SECRET_KEY")
    if configured:
        return configured
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
# Which emergency number and services every page, PDF and API text names. The
# engine reads the same variable; checked here so a typo stops the server.
RADICULOG_REGION = env_str("RADICULOG_REGION", default_region(), allowed=regions()).lower()
use_region(RADICULOG_REGION)
ALLOWED_HOSTS = env_list("RADICULOG_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("RADICULOG_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves its docs page from its own static files, not a CDN
    "radiculog.web",
    "radiculog.web.selfcheck",
    "radiculog.web.accounts",
    "radiculog.web.symptomlog",
    "radiculog.web.reports",
    "radiculog.web.imaging",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "radiculog.web.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "radiculog.web.urls"
WSGI_APPLICATION = "radiculog.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "radiculog.web.context.services",
            ],
        },
    },
]


def _sqlite() -> dict[str, object]:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "radiculog.sqlite3",
        # WAL lets readers and one writer work at once; set on every new connection.
        "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
    }


def _database() -> dict[str, object]:
    test_db = env_str("RADICULOG_TEST_DB", "", allowed=("", "sqlite", "postgres"))
    url = os.environ.get("DATABASE_URL", "")
    if test_db == "sqlite" or (not test_db and not url):
        return _sqlite()
    if not url:
        raise ImproperlyConfigured("RADICULOG_TEST_DB=postgres needs DATABASE_URL to be set")
    return dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))


DATABASES = {"default": _database()}
# Login throttling counts failures in the cache; a database cache is shared by every
# worker process (a per-process memory cache would let each worker allow its own
# five tries). The table is made by the accounts app's first migration.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "radiculog_cache",
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "symptomlog:log"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# An anonymous check lives only in the session; it expires after this many hours.
SESSION_COOKIE_AGE = env_int("RADICULOG_SESSION_HOURS", 72) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("RADICULOG_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("RADICULOG_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("RADICULOG_HSTS_SECONDS", 0)
if env_bool("RADICULOG_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# true: Django serves STATIC_ROOT itself (run `manage.py collectstatic` first). In DEBUG,
# runserver serves static files anyway.
SERVE_STATIC = env_bool("RADICULOG_SERVE_STATIC", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
