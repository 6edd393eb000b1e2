"""Each failed scenario run gets a short readable ID, F01-login_id-iPhone, and a folder of that name under failures/.

pytest-playwright keeps a failed test's trace and screenshot in a folder named
by a romanised slug of the test; after the run they move to failures/<ID>/,
which the report links to with the command that opens the trace.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

SHOW_TRACE = "scripts/show-trace.sh"
UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def name(records: list[dict]) -> list[dict]:
    """Number the failed runs in report order (F01, F02, …) and return them; a named run keeps its ID."""
    failed = [r for r in records if r["outcome"] == "failed"]
    for number, record in enumerate(failed, 1):
        stem = UNSAFE.sub("_", Path(record["feature"]["file"]).stem)
        record.setdefault("failure_id", f"F{number:02d}-{stem}-{UNSAFE.sub('_', record['device'])}")
    return failed


def collect(records: list[dict], report_dir: Path, root: Path) -> None:
    """Move each failed run's trace and screenshot into failures/<ID>/ and note, per trace, the command to open it."""
    base = report_dir / "failures"
    for old in base.glob("F[0-9]*-*"):  # a previous run's, when --output is elsewhere
        shutil.rmtree(old, ignore_errors=True)
    for record in name(records):
        folder = base / record["failure_id"]
        moved = {}
        for kind, paths in record.get("artifacts", {}).items():
            moved[kind] = [_move(report_dir, path, folder) for path in ([paths] if isinstance(paths, str) else paths)]
        record["artifacts"] = moved
        record["failure_files"] = [
            {**item, "command": open_command(report_dir / item["path"], root) if item["kind"] == "trace" else None}
            for item in labelled(record)
        ]


def labelled(record: dict) -> list[dict]:
    """A failed run's traces and screenshots, each labelled with its phone where that can be told."""
    phones = record.get("phones") or []
    found = []
    for kind, paths in record.get("artifacts", {}).items():
        paths = [paths] if isinstance(paths, str) else paths
        for index, path in enumerate(paths):
            phone = phones[index] if len(paths) == len(phones) and len(phones) > 1 else None
            found.append({"kind": kind, "path": path, "phone": phone})
    return found


def open_command(trace: Path, root: Path) -> str:
    """The command, run in the project's folder, that opens a trace with the project's own browser set-up."""
    trace = trace.absolute()
    shown = trace.relative_to(root) if trace.is_relative_to(root) else trace
    return f"bash {SHOW_TRACE} {shlex.quote(shown.as_posix())}"


def _move(report_dir: Path, path: str, folder: Path) -> str:
    """Move one artifact (a path relative to the report) into folder; return its new path relative to the report."""
    source = (report_dir / path).resolve()
    if not source.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.move(source, target)
    if source.parent != folder and not any(source.parent.iterdir()):
        source.parent.rmdir()  # pytest-playwright's slug folder, now empty
    return os.path.relpath(target, report_dir).replace(os.sep, "/")
