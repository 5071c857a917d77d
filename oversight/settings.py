"""Django settings for Oversight: one file, production differs by environment variables only."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    return os.getenv(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envsecret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file named by NAME_FILE (for container secrets)."""
    path = os.getenv(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.getenv(name, default)


DATA_DIR = Path(os.getenv("OVERSIGHT_DATA_DIR", BASE_DIR / "var"))

DEBUG = envbool("DEBUG", "False")
# HTTPS=true is what makes a deployment production: secure cookies, HSTS, redirects to https
HTTPS = envbool("HTTPS", "False")
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"
SECRET_KEY = envsecret("SECRET_KEY") or DEV_SECRET_KEY
if HTTPS and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("set SECRET_KEY (or SECRET_KEY_FILE) when HTTPS is on")
ALLOWED_HOSTS = [h for h in os.getenv("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.getenv("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "oversight.accounts",
    "oversight.audit",
    "oversight.notices",
    "oversight.plans",
    "oversight.governance",
    "oversight.performance",
    "oversight.quality",
    "oversight.funding",
    "oversight.workforce",
    "oversight.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # nothing but the sign-in and password reset pages is visible to someone not signed in
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "oversight.performance.middleware.AnnexABusyMiddleware",
]

ROOT_URLCONF = "oversight.urls"
# every form field in the GOV.UK Design System's markup (oversight/lib/forms.py, templates/forms/)
FORM_RENDERER = "oversight.govuk.forms.GovUKFormRenderer"
WSGI_APPLICATION = "oversight.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "oversight" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oversight.performance.regions.your_regions",
            ]
        },
    }
]

if not os.getenv("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite database lives here
DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'oversight.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
    )
}
# The embedded database serves a trial or a small council: with its write-ahead log, pages read while
# an import writes; a transaction takes the write lock as it begins, and a second writer waits its turn
# (up to the timeout) instead of failing
EMBEDDED_DATABASE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL",
    "timeout": envint("SQLITE_TIMEOUT_SECONDS", "30"),
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = EMBEDDED_DATABASE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Work too long for a web request (an Annex A load) is queued in the database and done by a worker
# process beside the website (`oversight db_worker`): no other server to run, on SQLite or PostgreSQL
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# One cache that every worker process shares, in the database itself (no other server to run): the
# register of each plan, the scorecard's tables and Annex A measures, each under a key that names
# the version of the data it was made from, so a change never needs to find and delete what is kept.
# The table is made by migration plans 0011 (or `oversight createcachetable`).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "oversight_cache",
        "TIMEOUT": envint("CACHE_SECONDS", "3600"),
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", "5000"), "CULL_FREQUENCY": 4},
    }
}

# Sign-in
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # reads hashes made before Argon2
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
CSRF_FAILURE_VIEW = "oversight.accounts.views.csrf_failure"
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "plans"
LOGOUT_REDIRECT_URL = "sign-in"
SESSION_COOKIE_AGE = envint("SESSION_HOURS", "8") * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 3600
AXES_FAILURE_LIMIT = envint("SIGN_IN_ATTEMPTS", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOCKOUT_MINUTES", "15"))
# By account, not by address: a council's staff often share one address through its proxy. Axes warns
# (W006) that locking without the address can be dodged by rotating user agents or cookies; locking by
# username depends on neither, so the warning does not apply.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL")
# seconds to wait for the mail server: an email sent after a change on the website must not hold the page
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "10")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "oversight@localhost")
# The site's address as people reach it, for links in emails sent without a request (the weekly summary)
SITE_URL = os.getenv("SITE_URL", "http://localhost:8000").rstrip("/")

# Security headers; the https ones only when HTTPS is on, so the demo works on http://localhost
SECURE_SSL_REDIRECT = HTTPS and envbool("SECURE_SSL_REDIRECT", "True")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000") if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if envbool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Whether a Green status the board has not yet verified counts as Green in the exception report
UNVERIFIED_COMPLETIONS_COUNT_AS_GREEN = envbool("UNVERIFIED_COMPLETIONS_COUNT_AS_GREEN", "True")

# Annex A extracts live in their own DuckDB file; the key makes pseudonyms (keep it secret and stable)
ANNEX_A_DATABASE = Path(os.getenv("ANNEX_A_DATABASE", DATA_DIR / "annex_a.duckdb"))
ANNEX_A_PSEUDONYM_KEY = envsecret("ANNEX_A_PSEUDONYM_KEY")
# the council's standard for visits to children on a child protection plan, in working days
CP_VISIT_WORKING_DAYS = envint("CP_VISIT_WORKING_DAYS", "10")
# how long a load waits for the website's pages to stop reading the Annex A database, in seconds
ANNEX_A_LOCK_WAIT = envint("ANNEX_A_LOCK_WAIT", "60")
# an Annex A workbook may be far larger than a plan: a national extract is a million rows
ANNEX_A_MAX_UNPACKED_BYTES = envint("ANNEX_A_MAX_UNPACKED_MB", "2048") * 1024 * 1024
ANNEX_A_MAX_CELLS = envint("ANNEX_A_MAX_CELLS", "50000000")
# what DuckDB may hold in memory for a load or the measures, and where it spills beyond that
ANNEX_A_MEMORY_BYTES = envint("ANNEX_A_MEMORY_MB", "1024") * 1024 * 1024
ANNEX_A_TEMP_DIR = os.getenv("ANNEX_A_TEMP_DIR", "")
# an extract uploaded on the website (a national one as a workbook is about 70 MB)
ANNEX_A_UPLOAD_MAX_BYTES = envint("ANNEX_A_UPLOAD_MAX_MB", "200") * 1024 * 1024
# Each region's Annex A exports, collected from its councils: <ANNEX_A_REGIONS_DIR>/<region slug>/list_N/...
ANNEX_A_REGIONS_DIR = Path(os.getenv("ANNEX_A_REGIONS_DIR", DATA_DIR / "regions"))

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# GOV.UK Frontend is built into build/static by the set-up command (npm ci && npm run build)
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Evidence and uploaded imports live here, outside the static files, served only through views
PRIVATE_FILES_DIR = Path(os.getenv("OVERSIGHT_FILES_DIR", DATA_DIR / "files"))
EVIDENCE_MAX_BYTES = envint("EVIDENCE_MAX_MB", "20") * 1024 * 1024
IMPORT_MAX_BYTES = envint("IMPORT_MAX_MB", "20") * 1024 * 1024
# What one spreadsheet may hold, checked before it is read: a small workbook can unpack to gigabytes
SPREADSHEET_MAX_UNPACKED_BYTES = envint("OVERSIGHT_MAX_UNPACKED_MB", "200") * 1024 * 1024
SPREADSHEET_MAX_CELLS = envint("OVERSIGHT_MAX_CELLS", "5000000")
SPREADSHEET_MAX_COMPRESSION_RATIO = envint("OVERSIGHT_MAX_COMPRESSION_RATIO", "200")
# the memory of the child process that reads one workbook (two read an Annex A workbook side by side)
SPREADSHEET_READER_MEMORY_BYTES = envint("OVERSIGHT_READER_MEMORY_MB", "2048") * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}
