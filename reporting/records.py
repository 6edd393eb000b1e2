"""One record per scenario run per device, written by each pytest process as JSON lines, merged at the end."""

from __future__ import annotations

import json
from pathlib import Path

DEVICE_ORDER = ("iPhone", "Android", "PC")


def append(path: Path, record: dict) -> None:
    """Add one finished scenario run to a process's results file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def load(folder: Path) -> list[dict]:
    """Every record every process wrote, in feature, line, example and device order."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        records.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return sorted(records, key=sort_key)


def device_rank(device: str) -> int:
    """iPhone, Android, PC, then anything else."""
    return DEVICE_ORDER.index(device) if device in DEVICE_ORDER else len(DEVICE_ORDER)


def devices_in(records: list[dict]) -> list[str]:
    """The devices these records ran on, in matrix order."""
    return sorted({r["device"] for r in records}, key=device_rank)


def sort_key(record: dict) -> tuple:
    """Features by file, scenarios by line, then examples, then devices in matrix order."""
    return (record["feature"]["file"], record["scenario"]["line"], record["key"], device_rank(record["device"]))


def outcome_counts(records: list[dict]) -> dict:
    """How many runs passed, failed and were skipped."""
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for record in records:
        counts[record["outcome"]] = counts.get(record["outcome"], 0) + 1
    return counts
