"""Production differs by environment variables only, and Django's deployment check passes with them."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"HTTPS", "SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "oversight.settings", **env},
        capture_output=True,
        text=True,
    )


PRODUCTION = {
    "HTTPS": "true",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://oversight@db.internal/oversight",
    "ALLOWED_HOSTS": "oversight.council.example",
}


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https_so_a_plain_http_deployment_is_noticed() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "HTTPS": "false"})
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout


def test_production_refuses_to_start_with_the_development_secret_key() -> None:
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "set SECRET_KEY (or SECRET_KEY_FILE) when HTTPS is on" in result.stderr


def test_the_secret_key_can_come_from_a_file(tmp_path: Path) -> None:
    key = tmp_path / "secret"
    key.write_text(secrets.token_urlsafe(50))
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY_FILE=str(key), **env)
    assert result.returncode == 0, result.stdout + result.stderr
