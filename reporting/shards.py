"""--shard K/N: this machine runs the K-th of N shards, balanced by the durations the history recorded.

Like Playwright Test's `--shard 2/8`. The split is pytest-split's least_duration
algorithm over the selected scenario runs (one pytest item per scenario,
example and device), keyed by node ID: the longest runs go first, each to the
shard with the least time so far, and each shard keeps collection order. A
run the history has not timed counts as the average of those it has; with no
history at all every run counts alike, so shards split evenly by count. Every
shard computes the same split from the same collection and history, so each
scenario run lands in exactly one shard; the plan's digest lets the merge
check that the shards it is given agree.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from pytest_split.algorithms import Algorithms

MANIFEST = "shard.json"
SPEC = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse(text: str) -> tuple[int, int]:
    """'2/8' as (2, 8); anything else, or K outside 1..N, is a usage error."""
    found = SPEC.match(text or "")
    if not found or not 1 <= int(found[1]) <= int(found[2]):
        raise pytest.UsageError(f"--shard: expected K/N with 1 <= K <= N (e.g. 2/8), got {text!r}")
    return int(found[1]), int(found[2])


def durations(runs: list[dict]) -> dict[str, float]:
    """Each node ID's latest recorded duration in seconds, newest run first."""
    found: dict[str, float] = {}
    for run in reversed(runs):
        for nodeid, seconds in (run.get("durations") or {}).items():
            found.setdefault(nodeid, seconds)
    return found


def split(items: list, shards: int, timed: dict[str, float]) -> list[list]:
    """The items of each shard, in collection order (pytest-split's least_duration)."""
    return [list(group.selected) for group in Algorithms.least_duration.value(shards, items, timed)]


def plan_digest(nodeids: list[str], timed: dict[str, float]) -> str:
    """What the split was made from: every shard of one run must show the same digest."""
    relevant = {n: timed[n] for n in nodeids if n in timed}
    text = json.dumps([sorted(nodeids), relevant], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def select(items: list, shard: int, shards: int, timed: dict[str, float]) -> tuple[list, list, dict]:
    """This shard's items, the others, and its manifest (what the merge checks)."""
    groups = split(items, shards, timed)
    mine = groups[shard - 1]
    chosen = {id(item) for item in mine}
    others = [item for item in items if id(item) not in chosen]
    estimate = sum(timed.get(item.nodeid, 0.0) for item in mine)
    manifest = {
        "shard": shard,
        "of": shards,
        "collected": len(items),
        "selected": len(mine),
        "plan": plan_digest([item.nodeid for item in items], timed),
        "estimated_seconds": round(estimate, 1),
        "timed": sum(1 for item in items if item.nodeid in timed),
    }
    return mine, others, manifest


def write_manifest(report_dir: Path, manifest: dict) -> None:
    """shard.json beside the shard's results."""
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def read_manifest(report_dir: Path) -> dict | None:
    """A shard folder's shard.json, or None when it has none."""
    path = report_dir / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def check(manifests: list[dict]) -> list[str]:
    """What is wrong with a set of shards to merge: missing, doubled, or from different plans."""
    if not manifests:
        return ["no shard folder has a shard.json"]
    problems = []
    counts = {m["of"] for m in manifests}
    plans = {m["plan"] for m in manifests}
    if len(counts) > 1:
        problems.append(f"shards of different splits: of {sorted(counts)}")
    if len(plans) > 1:
        problems.append("shards split from different collections or histories (plans differ)")
    shards = max(counts)
    seen = [m["shard"] for m in manifests]
    missing = sorted(set(range(1, shards + 1)) - set(seen))
    doubled = sorted({k for k in seen if seen.count(k) > 1})
    if missing:
        problems.append(f"missing shard(s) {', '.join(f'{k}/{shards}' for k in missing)}")
    if doubled:
        problems.append(f"shard(s) given twice: {', '.join(f'{k}/{shards}' for k in doubled)}")
    if not missing and not doubled and len(plans) == 1:
        collected = manifests[0]["collected"]
        selected = sum(m["selected"] for m in manifests)
        if selected != collected:
            problems.append(f"the shards ran {selected} of {collected} collected runs")
    return problems
