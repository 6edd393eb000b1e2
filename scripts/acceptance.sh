#!/usr/bin/env bash
# The acceptance suite: every scenario on every device of the matrix, against the
# embedded mock bank (or --base-url URL). Sets up what is missing, writes reports/:
# index.html (the report), coverage.html (the manual's coverage), cucumber.json,
# acceptance-junit.xml, history/, and a trace and screenshot for each failure.
# Extra arguments go to pytest, e.g. --matrix iPhone  or  -k ログインID. It runs on every core (pytest-xdist
# -n auto: the browser waits on the bank and the bank on the browser, so one process leaves cores idle); -n 0
# runs in this one process, as --headed, --pdb and --trace do.
# With --shard K/N it runs the K-th of N shards into reports/shards/K/ (balanced by the
# durations in reports/history/); scripts/merge-reports.sh then makes one report of them.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${MOCKBANK_SETUP_DONE:-}" ] || bash scripts/setup.sh
out=reports
shard=
previous=
workers=(-n auto)
for arg in "$@"; do
    case "$previous $arg" in
        "--shard "*) shard=$arg ;;
        *" --shard="*) shard=${arg#--shard=} ;;
    esac
    case "$arg" in -n|-n*|--numprocesses*|--headed|--pdb|--trace|no:xdist) workers=() ;; esac
    previous=$arg
done
# A shard reports into a folder of its own; the history it splits by stays the main report's.
[ -z "$shard" ] || out=reports/shards/${shard%%/*}
mkdir -p "$out"
exec .venv/bin/pytest features \
    --junitxml="$out/acceptance-junit.xml" -o junit_suite_name=acceptance \
    --tracing=retain-on-failure --screenshot=only-on-failure --output="$out/failures" \
    --report-dir="$out" ${shard:+--history-dir=reports/history} "${workers[@]}" -q "$@"
