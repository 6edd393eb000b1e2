#!/usr/bin/env bash
# Every test: ruff (lint and format), the unit and integration tests below the browser (on SQLite,
# then again on PostgreSQL: scripts/postgres.sh), then the acceptance suite on every device.
# Sets up what is missing; fails if any part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p reports
status=0
.venv/bin/ruff check . || status=$?
.venv/bin/ruff format --check . || status=$?
# The tests below the browser on every core (pytest-xdist): they share nothing but the machine.
.venv/bin/pytest tests -n auto --junitxml=reports/unit-junit.xml -o junit_suite_name=unit -q "$@" || status=$?
# The same tests on PostgreSQL: each test bank a schema of its own in a database made afresh. Left to the first pass:
# the tests of the harness itself (reports, burn-in, shards and their merge, failure artifacts, axe's check, which
# browser, step screenshots), which are about the suite, not the bank's storage; and the tests of what a page does in
# Chromium (tests/test_*_browser.py: focus, timers, WebAuthn's ceremony), whose storage the HTTP tests drive alike.
trap 'bash scripts/postgres.sh stop mockbank_test' EXIT  # also if start fails half-way or the run is stopped
if url=$(bash scripts/postgres.sh start mockbank_test); then
    MOCKBANK_DATABASE_URL=$url .venv/bin/pytest tests -n auto --ignore-glob='tests/test_report*.py' \
        --ignore-glob='tests/test_*_browser.py' --ignore=tests/test_burn_in.py --ignore=tests/test_merge_failures.py \
        --ignore=tests/test_accessibility_check.py --ignore=tests/test_browser_choice.py \
        --junitxml=reports/unit-postgres-junit.xml -o junit_suite_name=unit-postgres -q "$@" || status=$?
else
    status=1
fi
bash scripts/postgres.sh stop mockbank_test || status=$?
trap - EXIT
MOCKBANK_SETUP_DONE=1 bash scripts/acceptance.sh || status=$?
exit "$status"
