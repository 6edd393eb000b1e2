#!/usr/bin/env bash
# Burn-in: run chosen scenarios N times in a row (default 10) on each device of the matrix
# (default iPhone,Android), with the acceptance run's own settings, and print per scenario and
# device how many of its N runs failed; exits 1 if any did. Reports go to reports/burn-in/.
#   bash scripts/burn-in.sh 10 features/top.feature          # the scenarios of a feature file
#   bash scripts/burn-in.sh 5 -m R-TEL-120 --matrix iPhone   # a tag, one device
#   bash scripts/burn-in.sh 3 -k ログインID                   # any pytest selection
#   bash scripts/burn-in.sh 3                                # the whole suite, 3 times
# --max-minutes M starts no run after M minutes (pytest stops between runs) and counts the runs that finished.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -n "${MOCKBANK_SETUP_DONE:-}" ] || bash scripts/setup.sh || exit 1
exec .venv/bin/python -m reporting.burn_in "$@"
