"""The test settings: production's, with a fast password hasher and static files without a manifest."""

from oversight.settings import *  # noqa: F403

# Argon2 is deliberately slow; tests/accounts/test_sign_in.py checks production settings use it
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# pages name their static files before collectstatic has made the manifest
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# static files straight from build/static, as in development (no collectstatic before the tests)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The test database is a file, not memory, when it is SQLite: the worker process the tests start
# (tests/worker.py) reads the same database as the tests. One file per test run.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import os
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"oversight-tests-{os.getpid()}.sqlite3")
    }

# What the website hands to the worker is done at once, in the test's own process, by Django's immediate
# backend. Tests of waiting for the worker, and of the worker process itself (tests/worker.py), ask for
# the database's queue as a deployment has it (the `worker_queue` fixture).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
