"""Run history for nightly use: one JSON line per run, kept in reports/history/ between runs."""

from __future__ import annotations

import json
from pathlib import Path

from reporting.records import device_rank, outcome_counts

KEEP = 30  # runs kept in the file: the trend shows 30; a full run's line is about 75 kB
KEEP_DURATIONS = 5  # the newest runs keep their durations (--shard balances by them): about 95 kB more each


def run_summary(run_id: str, started: str, duration: float, records: list[dict]) -> dict:
    """What one run leaves in the history: totals, totals per device, each scenario's outcome and each run's seconds."""
    devices = sorted({r["device"] for r in records})
    return {
        "run_id": run_id,
        "started": started,
        "duration": round(duration, 1),
        "totals": outcome_counts(records),
        "devices": {d: outcome_counts([r for r in records if r["device"] == d]) for d in devices},
        "results": {f"{r['key']}|{r['device']}": r["outcome"] for r in records},
        # By node ID, as --shard balances pytest's items by them.
        "durations": {r["nodeid"]: round(r["duration"], 2) for r in records if r.get("nodeid")},
    }


def append(path: Path, summary: dict) -> list[dict]:
    """Add this run (in place of its earlier line: shards merged again) and return the kept history, oldest first."""
    runs = [run for run in load(path) if run.get("run_id") != summary["run_id"]]
    runs.append(summary)
    runs = runs[-KEEP:]
    for old in runs[:-KEEP_DURATIONS]:
        old.pop("durations", None)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in runs), encoding="utf-8")
    return runs


def load(path: Path) -> list[dict]:
    """The kept runs, oldest first; an unreadable line is skipped, not fatal."""
    if not path.exists():
        return []
    runs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            runs.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return runs


def scenario_history(runs: list[dict], key: str, device: str, last: int = 10) -> list[str]:
    """The outcomes of one scenario on one device over the last runs ('' where it did not run)."""
    return [run.get("results", {}).get(f"{key}|{device}", "") for run in runs[-last:]]


def flaky(runs: list[dict]) -> dict[str, dict[str, int]]:
    """Scenario runs that both passed and failed across `runs`, with how often each."""
    seen: dict[str, dict[str, int]] = {}
    for run in runs:
        for key, outcome in run.get("results", {}).items():
            seen.setdefault(key, {}).setdefault(outcome, 0)
            seen[key][outcome] += 1
    return {key: counts for key, counts in seen.items() if counts.get("passed") and counts.get("failed")}


def unstable(outcomes: dict[str, list[str]], recent: dict[str, list[str]]) -> dict | None:
    """Why a scenario is flaky (None if not): it passed and failed on a device, recently or now, or on two devices now."""
    seen = {d: {*recent.get(d, []), *outcomes.get(d, [])} for d in {*recent, *outcomes}}
    swung = sorted((d for d, found in seen.items() if {"passed", "failed"} <= found), key=device_rank)
    failed = {d for d, found in outcomes.items() if "failed" in found}
    passed = {d for d, found in outcomes.items() if "passed" in found}
    split = any(a != b for a in failed for b in passed)
    return {"swung": swung, "split": split} if swung or split else None
