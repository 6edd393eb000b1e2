"""What a run ran on: commit, branch, browser and Playwright versions, devices, start time with its zone, command."""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from reporting.records import devices_in


def collect(config, started: datetime, duration: float, records: list[dict]) -> dict:
    """The environment panel's facts; started is timezone-aware."""
    root = Path(config.rootpath)
    matrix = config.getoption("matrix", None)
    return {
        "commit": _git(root, "rev-parse", "HEAD"),
        "branch": os.environ.get("GITHUB_REF_NAME") or _git(root, "rev-parse", "--abbrev-ref", "HEAD"),
        "changed": bool(_git(root, "status", "--porcelain", "--untracked-files=no")),
        "browser": sorted({r["browser"] for r in records if r.get("browser")}),
        "playwright": _version("playwright"),
        "pytest_playwright": _version("pytest-playwright"),
        "python": platform.python_version(),
        "matrix": [d.strip() for d in matrix.split(",") if d.strip()] if matrix else [],
        "shard": config.getoption("shard", None),
        "workers": workers(config),
        "devices": devices_in(records),
        "started": started.isoformat(timespec="seconds"),
        "started_text": local_time(started),
        "duration": round(duration, 1),
        "argv": list(sys.argv),
        "command": shlex.join(sys.argv),
        "cwd": str(config.invocation_params.dir),
    }


def workers(config) -> int:
    """How many processes ran the scenarios: pytest-xdist's workers (-n, "auto" already counted), else this one."""
    count = getattr(config.option, "numprocesses", None)
    return count if isinstance(count, int) and count > 0 and getattr(config.option, "dist", "no") != "no" else 1


def local_time(moment: datetime) -> str:
    """A timezone-aware time as 「2026-12-07 10:57:03 JST (+09:00)」."""
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M:%S} {moment.tzname()} ({offset[:3]}:{offset[3:]})"


def wall_time(seconds: float) -> str:
    """Seconds as 「1時間2分3秒」, 「2分3秒」 or 「4.5秒」."""
    if seconds < 60:
        return f"{seconds:.1f}秒"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return (f"{hours}時間" if hours else "") + f"{minutes}分{secs}秒"


def _git(root: Path, *args: str) -> str:
    """A git answer about the project, or '' outside a repository."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return ""
