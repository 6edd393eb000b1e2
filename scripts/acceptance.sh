#!/usr/bin/env bash
# The acceptance suite: every scenario on every device of the matrix, against the
# embedded mock bank (or --base-url URL). Sets up what is missing, writes reports/.
# Extra arguments go to pytest, e.g. --matrix iPhone  or  -k ログインID
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${MOCKBANK_SETUP_DONE:-}" ] || bash scripts/setup.sh
mkdir -p reports
exec .venv/bin/pytest features \
    --cucumberjson=reports/cucumber.json \
    --junitxml=reports/acceptance-junit.xml \
    --tracing=retain-on-failure --screenshot=only-on-failure --output=reports/failures \
    -o junit_suite_name=acceptance -q "$@"
