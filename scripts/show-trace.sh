#!/usr/bin/env bash
# Open a failed scenario's Playwright trace with the project's own set-up.
#   bash scripts/show-trace.sh reports/failures/F01-login_id-iPhone/trace.zip [--port 9323] [--host 127.0.0.1]
# `playwright show-trace <file>` alone wants Playwright's own Chromium, which this machine does not have
# (set-up chose Debian's, recorded in .venv/.browser). So the viewer is served over HTTP instead: open the
# URL it prints in any browser (on a desktop it opens by itself), and stop it with Ctrl+C.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
host=127.0.0.1
port=9323
serve=""
trace=""
while [ $# -gt 0 ]; do
    case "$1" in
        --port) port="$2"; serve=1; shift 2 ;;
        --host) host="$2"; serve=1; shift 2 ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) trace="$1"; shift ;;
    esac
done
if [ -z "$trace" ] || [ ! -f "$trace" ]; then
    echo "usage: bash scripts/show-trace.sh <trace.zip> [--port N] [--host H]  (no such file: '${trace}')" >&2
    exit 2
fi
trace="$(realpath "$trace")"
browser="${MOCKBANK_CHROMIUM:-$(cat "$root/.venv/.browser" 2>/dev/null || true)}"  # as conftest.py reads it
if [ "$browser" = playwright ] && [ -z "$serve" ]; then
    exec "$root/.venv/bin/playwright" show-trace "$trace"  # Playwright's own Chromium opens its viewer window
fi
case "$browser" in *headless-shell) browser=$(command -v chromium || true) ;; esac  # it opens no window
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$browser" ] && [ -z "${BROWSER:-}" ]; then
    export BROWSER="$browser"  # on a desktop, the viewer opens in the project's Chromium
fi
echo "Playwright trace viewer for $trace"
exec "$root/.venv/bin/playwright" show-trace --host "$host" --port "$port" "$trace"
