"""Django settings for Radiculog: one file, configured by RADICULOG_* variables.

Every variable is documented in docs/configuration.md (a test checks this).
With no variables set, `scripts/serve` runs on SQLite in var/ with DEBUG on.
"""

from __future__ import annotations

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from radiculog.engine.services import default_region, regions, use_region
from radiculog.web import limits
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
    "axes",  # login throttling, counted atomically in the database
    "ninja",  # serves its docs page from its own static files, not a CDN
    "radiculog.web",
    "radiculog.web.selfcheck",
    "radiculog.web.accounts",
    "radiculog.web.symptomlog",
    "radiculog.web.reports",
    "radiculog.web.imaging",
    "radiculog.web.writes",  # idempotency keys (issue 19)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files answer here, before sessions or the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "radiculog.web.middleware.privacy.NoStoreMiddleware",
    "radiculog.web.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
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
        # Each worker keeps its connection, so the WAL and its index stay open: when the
        # last connection closes SQLite deletes them, and on a full disk the next one
        # could not make them again, not even to read (tests/web/test_unavailable_live.py).
        "CONN_MAX_AGE": None,
        "CONN_HEALTH_CHECKS": True,
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
# A database cache is shared by every worker process and every app host (nothing
# relies on it today; a per-process memory cache would silently differ between them).
# The table is made by the accounts app's first migration.
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
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses before the password is checked
    "django.contrib.auth.backends.ModelBackend",
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
# A signed-in person stays signed in this long, renewed at every visit (accounts.signals).
LOGIN_SESSION_SECONDS = env_int("RADICULOG_LOGIN_DAYS", 14) * 86400
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("RADICULOG_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("RADICULOG_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("RADICULOG_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("RADICULOG_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("RADICULOG_HSTS_PRELOAD", False)
# The load balancer's health check asks over plain HTTP on the private side.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
BEHIND_PROXY = env_bool("RADICULOG_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A failed CSRF check gets the project's own 403 page (radiculog.web.errorpages).
CSRF_FAILURE_VIEW = "radiculog.web.errorpages.csrf_failure"
# Request sizes come from radiculog.web.limits, the one place nginx's are checked against.
DATA_UPLOAD_MAX_MEMORY_SIZE = (
    limits.API_BODY_BYTES + 512 * 1024
)  # JSON past the API's own limit still gets its 413
DATA_UPLOAD_MAX_NUMBER_FIELDS = limits.FORM_FIELDS

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# `collectstatic` writes content-hashed, gzipped copies that nginx serves in production
# (docs/hosting.md); WhiteNoise answers any static request that reaches the app.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    # No collectstatic needed for the development server (the tests do the same).
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Login throttling (django-axes): five wrong passwords for one name from one address,
# then a 15-minute pause. Keyed on the pair, so nobody elsewhere can lock a person out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no record of who signed in when
AXES_LOCKOUT_CALLABLE = "radiculog.web.accounts.lockout.locked_out"
AXES_VERBOSE = False
# The client's address: behind the proxy, the right-most X-Forwarded-For address, the
# one nginx wrote (deploy/nginx.conf); anything a client forges sits to its left.
# Without a proxy, only the socket's address counts.
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if BEHIND_PROXY else ("REMOTE_ADDR",)
)

# Mail (password reset links): printed to the console unless an SMTP host is set.
EMAIL_HOST = env_str("RADICULOG_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("RADICULOG_EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("RADICULOG_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_secret("RADICULOG_EMAIL_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("RADICULOG_EMAIL_STARTTLS", EMAIL_PORT != 465)
EMAIL_USE_SSL = not EMAIL_USE_TLS and EMAIL_PORT == 465
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("RADICULOG_EMAIL_FROM", "radiculog@localhost")
PASSWORD_RESET_TIMEOUT = 3 * 3600

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
