#!/usr/bin/env bash
# Every test: the unit and integration tests below the browser, then the acceptance
# suite on every device. Sets up what is missing; fails if either part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
mkdir -p reports
status=0
.venv/bin/pytest tests --junitxml=reports/unit-junit.xml -o junit_suite_name=unit -q "$@" || status=$?
MOCKBANK_SETUP_DONE=1 bash scripts/acceptance.sh || status=$?
exit "$status"
