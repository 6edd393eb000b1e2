#!/usr/bin/env bash
# The acceptance suite: every scenario on every device of the matrix, against the
# embedded mock bank (or --base-url URL). Sets up what is missing, writes reports/:
# index.html (the report), coverage.html (the manual's coverage), cucumber.json,
# acceptance-junit.xml, history/, and a trace and screenshot for each failure.
# Extra arguments go to pytest, e.g. --matrix iPhone  or  -k ログインID  or  -n 2
# With --shard K/N it runs the K-th of N shards into reports/shards/K/ (balanced by the
# durations in reports/history/); scripts/merge-reports.sh then makes one report of them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${MOCKBANK_SETUP_DONE:-}" ] || bash scripts/setup.sh
out=reports
previous=
for arg in "$@"; do
    case "$previous $arg" in
        "--shard "*) out=reports/shards/${arg%%/*} ;;
        *" --shard="*) shard=${arg#--shard=}; out=reports/shards/${shard%%/*} ;;
    esac
    previous=$arg
done
mkdir -p "$out"
exec .venv/bin/pytest features \
    --junitxml="$out/acceptance-junit.xml" -o junit_suite_name=acceptance \
    --tracing=retain-on-failure --screenshot=only-on-failure --output="$out/failures" \
    --report-dir="$out" --history-dir=reports/history -q "$@"
