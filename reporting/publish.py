"""Everything a run leaves in its report folder, written from its records: by the plugin, or by the merge of shards."""

from __future__ import annotations

import json
from pathlib import Path

from reporting import cucumber, failures
from reporting.coverage import build as build_coverage
from reporting.html import write_coverage, write_report


def write(report_dir: Path, root: Path, records: list[dict], run: dict, runs: list[dict], env: dict) -> None:
    """Failure folders, results.json, coverage.json, cucumber.json, index.html and coverage.html."""
    failures.collect(records, report_dir, root)
    coverage = build_coverage(root / "features", records)
    (report_dir / "results.json").write_text(_json({"environment": env, "records": records}), encoding="utf-8")
    (report_dir / "coverage.json").write_text(_json(coverage), encoding="utf-8")
    cucumber.write(records, report_dir / "cucumber.json")
    write_report(report_dir / "index.html", records, runs, run, coverage, env)
    write_coverage(report_dir / "coverage.html", coverage, run)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
