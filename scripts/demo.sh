#!/usr/bin/env bash
# The README's first command: installs Oversight, imports the demo plan and statuses into the
# embedded SQLite database and writes the January 2017 exception report in every format.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --disable-pip-version-check --quiet --upgrade pip
.venv/bin/python -m pip install --disable-pip-version-check --quiet -e .
echo "== GOV.UK Frontend (npm) into build/static"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build

export OVERSIGHT_DATA_DIR="${OVERSIGHT_DATA_DIR:-$PWD/var/demo}"
rm -f "$OVERSIGHT_DATA_DIR/oversight.sqlite3"
oversight=.venv/bin/oversight

$oversight migrate --verbosity 0
$oversight import-plan demo/plan.csv --plan demo --started 2016-05 --by demo \
  --title "Children's Services Improvement Plan" --council "Demo Borough (Bromley's published plan)"
for month_end in 2016-11-30 2016-12-31 2017-01-31; do
  $oversight import-status "demo/status-$month_end.csv" --plan demo --as-at "$month_end" --by demo
done

mkdir -p reports
for format in docx xlsx html md json; do
  $oversight exception-report --plan demo --as-at 2017-01-31 --format "$format" \
    --output "reports/exception-report-2017-01.$format"
done

echo
echo "Done. The January 2017 exception report is in $PWD/reports/:"
ls -1 reports/exception-report-2017-01.* | sed 's/^/  /'
echo "The demo database is $OVERSIGHT_DATA_DIR/oversight.sqlite3."
echo "Try: .venv/bin/oversight exception-report --plan demo --as-at 2016-12-31 --format md"
