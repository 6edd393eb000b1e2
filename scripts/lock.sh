#!/usr/bin/env bash
# Refresh requirements.lock: the exact versions, with their hashes, that scripts/setup.sh
# installs, resolved by uv from pyproject.toml's dependencies and its `test` extra (plus the
# pip and setuptools that install the project) for Python 3.11 on any platform. It keeps every
# pin it can; extra arguments go to `uv pip compile`, e.g.
#   bash scripts/lock.sh                              # after editing pyproject.toml's dependencies
#   bash scripts/lock.sh --upgrade-package pytest     # move one package to its newest allowed version
#   bash scripts/lock.sh --upgrade                    # move everything
# Then run the tests (scripts/setup.sh reinstalls when the lock changes) and commit the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
tool=${LOCK_TOOL_VENV:-.venv/.lock-tool} # uv lives apart from the project's packages
if [ "$("$tool/bin/uv" --version 2>/dev/null | cut -d' ' -f2)" != "$UV_VERSION" ]; then
    echo "[lock] installing uv $UV_VERSION into $tool"
    python3 -m venv "$tool"
    "$tool/bin/python" -m pip install --disable-pip-version-check -q "uv==$UV_VERSION"
fi

printf 'pip\nsetuptools\n' | "$tool/bin/uv" pip compile --quiet - pyproject.toml --extra test \
    --python-version 3.11 --universal --generate-hashes \
    --custom-compile-command "bash scripts/lock.sh" --output-file requirements.lock "$@"
echo "[lock] requirements.lock: $(grep -c '^[a-z0-9]' requirements.lock) packages pinned"
