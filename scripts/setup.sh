#!/usr/bin/env bash
# Idempotent set-up from nothing: system packages, a virtualenv with the
# dependencies, and a browser. Re-running installs nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        say "need root to run: $*"; return 1; fi
}

apt_updated=
apt_install() {
    command -v apt-get >/dev/null || { say "no apt-get: install $* by hand"; return 1; }
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    say "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pip_install() {
    # pip is quiet unless it fails; then its whole log is shown.
    local log; log=$(mktemp)
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q "$@" >"$log" 2>&1; then
        cat "$log"; rm -f "$log"; return 1
    fi
    rm -f "$log"
}

missing_debs() {
    local p
    for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done
}

# 1. System packages: Japanese fonts for screenshots, ffmpeg for video.
if command -v dpkg-query >/dev/null; then
    debs=$(missing_debs fonts-noto-cjk ffmpeg)
    [ -z "$debs" ] || apt_install $debs
fi

# 2. The virtualenv and the project's dependencies (reinstalled only when pyproject.toml changes).
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$PYTHON" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && "$PYTHON" -m venv "$VENV"; }
fi
stamp="$VENV/.deps-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -e "$stamp" ]; then
    say "installing dependencies"
    pip_install --upgrade pip
    pip_install -e '.[test]'
    rm -f "$VENV"/.deps-*; touch "$stamp"
fi

# 3. A browser: Playwright's own where it can be downloaded, else Debian's chromium.
browser_file="$VENV/.browser"
if [ ! -s "$browser_file" ] || { [ "$(cat "$browser_file")" != playwright ] && [ ! -x "$(cat "$browser_file")" ]; }; then
    if timeout 300 "$VENV/bin/playwright" install chromium >/dev/null 2>&1; then
        [ "$(id -u)" = 0 ] && "$VENV/bin/playwright" install-deps chromium >/dev/null 2>&1 || true
        echo playwright > "$browser_file"
        say "browser: Playwright's own chromium"
    else
        say "playwright install cannot download a browser here: using Debian's chromium"
        [ -x /usr/bin/chromium ] || apt_install chromium
        echo /usr/bin/chromium > "$browser_file"
        say "browser: /usr/bin/chromium"
    fi
fi
