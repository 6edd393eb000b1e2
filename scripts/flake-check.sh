#!/usr/bin/env bash
# Flake check: run the acceptance suite N times (default 3) and list the scenarios
# that both passed and failed. Extra arguments go to pytest (e.g. -k ログインID).
# The default run never retries; this is the place to look for flakiness.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ $# -gt 0 ] && shift
bash scripts/setup.sh || exit 1
for i in $(seq "$runs"); do
    echo "flake check: run $i of $runs"
    MOCKBANK_SETUP_DONE=1 bash scripts/acceptance.sh "$@" >/dev/null
done
exec .venv/bin/python -m reporting.flake --last "$runs"
