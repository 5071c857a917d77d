#!/usr/bin/env bash
# The README's second command: installs what the tests need, checks the code, and runs the whole
# suite on SQLite and then on a real PostgreSQL server on loopback (installed with apt-get if need be).
# The browser tests (tests/browser) drive Debian's chromium package, installed with apt-get if need be:
# Playwright's own browser builds are never downloaded. The PDF papers are opened with poppler's tools.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh
need_packages chromium poppler-utils "${PAPER_PACKAGES[@]}"

python3 -m venv .venv
.venv/bin/python -m pip install --disable-pip-version-check --quiet --upgrade pip
.venv/bin/python -m pip install --disable-pip-version-check --quiet -e '.[test]'
echo "== GOV.UK Frontend (npm) into build/static"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
echo "== lint"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy oversight
echo "== imports run one way (the import-linter contracts in pyproject.toml)"
.venv/bin/lint-imports
echo "== migrations are up to date"
OVERSIGHT_DATA_DIR="$(mktemp -d)" .venv/bin/python manage.py makemigrations --check --dry-run

echo "== tests on SQLite"
env -u DATABASE_URL .venv/bin/pytest -q

echo "== tests on PostgreSQL (the browser tests too: the live server's saves, on the real database)"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$TEST_DATABASE_URL"
else
  source scripts/postgres.sh
  start_postgres
fi
.venv/bin/pytest -q
