"""Flake check: which scenario runs both passed and failed over the last N runs of the history.

    python -m reporting.flake --last 3 [--report-dir reports]

Prints them, writes reports/flake.json, and exits 1 when any scenario flaked.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reporting.history import flaky, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reporting.flake", description=__doc__.splitlines()[0])
    parser.add_argument("--last", type=int, default=3, help="how many of the latest runs to compare")
    parser.add_argument("--report-dir", default="reports")
    args = parser.parse_args(argv)
    report_dir = Path(args.report_dir)
    runs = load(report_dir / "history" / "history.jsonl")[-args.last :]
    found = flaky(runs)
    (report_dir / "flake.json").write_text(
        json.dumps({"runs": [r["run_id"] for r in runs], "flaky": found}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    print(f"flake check over {len(runs)} run(s): {len(found)} scenario run(s) both passed and failed")
    for key, counts in sorted(found.items()):
        scenario, _, device = key.rpartition("|")
        print(f"  {device:8} 成功 {counts.get('passed', 0)} 失敗 {counts.get('failed', 0)}  {scenario}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
