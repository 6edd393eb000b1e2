#!/usr/bin/env bash
# Idempotent set-up from nothing: system packages, a virtualenv with exactly the
# versions requirements.lock pins (refresh it with scripts/lock.sh), and a browser.
# Re-running installs nothing twice; two runs at once take turns.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v flock >/dev/null; then exec 9<scripts/setup.sh && flock 9; fi

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

# 1. System packages: Japanese fonts for screenshots; PostgreSQL, which scripts/test.sh runs the tests on too
#    (scripts/postgres.sh starts its cluster).
if command -v dpkg-query >/dev/null; then
    debs=$(missing_debs fonts-noto-cjk postgresql)
    [ -z "$debs" ] || apt_install $debs
fi

# 2. The virtualenv with the locked dependencies, then the project itself (editable, nothing
#    more); reinstalled only when requirements.lock or pyproject.toml changes.
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$PYTHON" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && "$PYTHON" -m venv "$VENV"; }
fi
lock=requirements.lock
stamp="$VENV/.deps-$(cat "$lock" pyproject.toml | sha1sum | cut -c1-12)"
if [ ! -e "$stamp" ]; then
    say "installing the dependencies $lock pins"
    pip_install "pip==$(sed -n 's/^pip==\([^ ;]*\).*/\1/p' "$lock")"
    pip_install --require-hashes -r "$lock"
    pip_install --no-deps --no-build-isolation -e .
    # The venv holds exactly the lock (what it no longer pins is removed), and the lock meets pyproject.toml.
    "$VENV/bin/python" - "$lock" <<'PY'
import subprocess
import sys
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

pins = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line[:1].isalnum():
        req = Requirement(line.rstrip().rstrip("\\").strip())
        if req.marker is None or req.marker.evaluate():
            pins[canonicalize_name(req.name)] = next(iter(req.specifier)).version
installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
extra = sorted(set(installed) - set(pins) - {"mockbank"})
if extra:
    print("[setup] removing what requirements.lock does not pin:", " ".join(extra))
    subprocess.run([sys.executable, "-m", "pip", "uninstall", "-y", "-q", *extra], check=True)
problems = [f"{n} {installed.get(n, 'missing')} (locked {v})" for n, v in pins.items() if installed.get(n) != v]
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
for text in project["dependencies"] + project["optional-dependencies"]["test"]:
    req = Requirement(text)
    have = pins.get(canonicalize_name(req.name))
    if (req.marker is None or req.marker.evaluate()) and (have is None or have not in req.specifier):
        problems.append(f"pyproject.toml asks {text}, requirements.lock pins {have or 'nothing'}")
if problems:
    sys.exit("[setup] " + "; ".join(problems) + " -- run bash scripts/lock.sh")
PY
    rm -f "$VENV"/.deps-*; touch "$stamp"
fi

# 3. A browser: Playwright's own where it can be downloaded, else Debian's chromium-headless-shell (the old
# headless mode, as Playwright's own runs headless: a third faster on this suite than the full chromium), else
# Debian's chromium. A choice of the full chromium made by an older set-up is made again, once.
browser_file="$VENV/.browser"
shell=/usr/bin/chromium-headless-shell
tried="$VENV/.browser-shell-tried"
recorded=$(cat "$browser_file" 2>/dev/null || true)
if [ "$recorded" != playwright ] && { [ ! -x "$recorded" ] || { [ "$recorded" != "$shell" ] && [ ! -e "$tried" ]; }; }; then
    if timeout 300 "$VENV/bin/playwright" install chromium >/dev/null 2>&1; then
        [ "$(id -u)" = 0 ] && "$VENV/bin/playwright" install-deps chromium >/dev/null 2>&1 || true
        echo playwright > "$browser_file"
        say "browser: Playwright's own chromium"
    elif [ -x "$shell" ] || apt_install chromium-headless-shell; then
        say "playwright install cannot download a browser here: using Debian's chromium-headless-shell"
        echo "$shell" > "$browser_file"
        say "browser: $shell (--headed takes Debian's chromium: apt-get install chromium)"
    else
        touch "$tried"
        say "neither Playwright's chromium nor Debian's chromium-headless-shell can be had: using Debian's chromium"
        [ -x /usr/bin/chromium ] || apt_install chromium
        echo /usr/bin/chromium > "$browser_file"
        say "browser: /usr/bin/chromium"
    fi
fi
