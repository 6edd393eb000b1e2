#!/usr/bin/env bash
# Every test: ruff (lint and format), the unit and integration tests below the browser,
# then the acceptance suite on every device. Sets up what is missing; fails if any part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p reports
status=0
.venv/bin/ruff check . || status=$?
.venv/bin/ruff format --check . || status=$?
.venv/bin/pytest tests --junitxml=reports/unit-junit.xml -o junit_suite_name=unit -q "$@" || status=$?
MOCKBANK_SETUP_DONE=1 bash scripts/acceptance.sh || status=$?
exit "$status"
