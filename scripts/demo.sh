#!/usr/bin/env bash
# The README's first command: installs Oversight and GOV.UK Frontend, loads the demo council into the
# embedded SQLite database, writes exception reports, and starts the website on http://127.0.0.1:8000/
# with the worker that does its background work (Annex A uploads) beside it.
# OVERSIGHT_DEMO_SERVE=0 sets everything up without starting the site; OVERSIGHT_PORT changes the port.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/packages.sh
need_packages "${PAPER_PACKAGES[@]}"  # for the PDF papers

python3 -m venv .venv
.venv/bin/python -m pip install --disable-pip-version-check --quiet --upgrade pip
.venv/bin/python -m pip install --disable-pip-version-check --quiet -e .
echo "== GOV.UK Frontend (npm) into build/static"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build

export OVERSIGHT_DATA_DIR="${OVERSIGHT_DATA_DIR:-$PWD/var/demo}"
rm -f "$OVERSIGHT_DATA_DIR/oversight.sqlite3" "$OVERSIGHT_DATA_DIR/annex_a.duckdb"  # the demo starts afresh
oversight=.venv/bin/oversight

echo "== the demo council"
$oversight migrate --verbosity 0
$oversight collectstatic --noinput --verbosity 0
$oversight seed-demo | tee "$OVERSIGHT_DATA_DIR/sign-in.txt"

echo "== exception reports"
mkdir -p reports
this_month=$(date +%Y-%m-%d)
for format in docx pdf xlsx html md json; do
  $oversight exception-report --plan bromley-2017 --as-at 2017-01-31 --format "$format" \
    --output "reports/bromley-exception-report-2017-01.$format"
  $oversight exception-report --plan demo --as-at "$this_month" --format "$format" \
    --output "reports/demo-exception-report-${this_month:0:7}.$format"
done
ls -1 reports/*exception-report-* | sed 's/^/  /'

port="${OVERSIGHT_PORT:-8000}"
echo
echo "The demo database is $OVERSIGHT_DATA_DIR/oversight.sqlite3; the sign-in details are above."
if [ "${OVERSIGHT_DEMO_SERVE:-1}" = "0" ]; then
  echo "Start the site with: OVERSIGHT_DATA_DIR=$OVERSIGHT_DATA_DIR .venv/bin/gunicorn --bind 127.0.0.1:$port oversight.wsgi"
  echo "and beside it the worker (every upload, and Annex A loads): OVERSIGHT_DATA_DIR=$OVERSIGHT_DATA_DIR $oversight db-worker"
  exit 0
fi
echo "Oversight is starting on http://127.0.0.1:$port/ with its worker beside it (Ctrl+C stops both)."
$oversight db-worker --no-startup-delay &
worker=$!
trap 'kill "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT
.venv/bin/gunicorn --bind "127.0.0.1:$port" --workers 2 --access-logfile - oversight.wsgi
