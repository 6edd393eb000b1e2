#!/usr/bin/env bash
# Serve the mock bank for people to click through on a phone browser; prints where
# each party lives and one demo customer of each kind. Arguments go to `mockbank serve`
# (--port 8000, --host 0.0.0.0 for a phone on the network (default: localhost), --workers 2 (gunicorn),
# --test-mode for the control API, --fresh to start from an empty bank).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mockbank serve "$@"
