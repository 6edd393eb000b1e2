#!/usr/bin/env bash
# The acceptance suite: every scenario on every device of the matrix, against the
# embedded mock bank (or --base-url URL). Sets up what is missing, writes reports/:
# index.html (the report), coverage.html (the manual's coverage), cucumber.json,
# acceptance-junit.xml, history/, and a trace and screenshot for each failure.
# Extra arguments go to pytest, e.g. --matrix iPhone  or  -k ログインID  or  -n 2
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${MOCKBANK_SETUP_DONE:-}" ] || bash scripts/setup.sh
mkdir -p reports
exec .venv/bin/pytest features \
    --junitxml=reports/acceptance-junit.xml -o junit_suite_name=acceptance \
    --tracing=retain-on-failure --screenshot=only-on-failure --output=reports/failures \
    --report-dir=reports -q "$@"
