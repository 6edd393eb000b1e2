#!/usr/bin/env bash
# One report from the shards in reports/shards/*/ (each run by acceptance.sh --shard K/N, here or
# on other machines): reports/index.html, coverage map, cucumber.json, acceptance-junit.xml and one
# history line, with every shard's screenshots and failure traces. Exits 0 when every run passed,
# 1 when one failed, 2 when the shards are not one whole split (a shard missing, given twice, or
# split from another collection). Extra arguments go to python -m reporting.merge, e.g. --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${MOCKBANK_SETUP_DONE:-}" ] || bash scripts/setup.sh
exec .venv/bin/python -m reporting.merge reports/shards/*/ --out reports "$@"
