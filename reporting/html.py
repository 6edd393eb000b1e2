"""The HTML report and coverage map: self-contained pages that open from disk and call nothing outside."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from reporting.history import scenario_history
from reporting.records import devices_in, outcome_counts

TEMPLATES = Path(__file__).parent / "templates"
OUTCOME_JA = {
    "passed": "成功",
    "failed": "失敗",
    "skipped": "スキップ",
    "undefined": "未定義",
    "unproven": "証拠なし",
    "": "未実行",
}


def environment() -> Environment:
    """Jinja with autoescaping and the outcome names in Japanese."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["ja"] = lambda outcome: OUTCOME_JA.get(outcome or "", outcome)
    env.filters["artifacts"] = labelled_artifacts
    return env


def labelled_artifacts(record: dict) -> list[dict]:
    """A failed run's traces and screenshots, each labelled with its phone where that can be told."""
    phones = record.get("phones") or []
    found = []
    for kind, paths in record.get("artifacts", {}).items():
        paths = [paths] if isinstance(paths, str) else paths
        for index, path in enumerate(paths):
            phone = phones[index] if len(paths) == len(phones) and len(phones) > 1 else None
            found.append({"kind": kind, "path": path, "phone": phone})
    return found


def features_view(records: list[dict], runs: list[dict]) -> tuple[list[str], list[dict]]:
    """Devices in matrix order, and features → scenarios → one column per device, with steps aligned."""
    devices = devices_in(records)
    features = []
    for file, in_feature in groupby(records, key=lambda r: r["feature"]["file"]):
        in_feature = list(in_feature)
        scenarios = []
        for key, runs_of_key in groupby(in_feature, key=lambda r: r["key"]):
            by_device = {r["device"]: r for r in runs_of_key}
            first = next(iter(by_device.values()))
            steps = [
                {
                    "keyword": step["keyword"],
                    "name": step["name"],
                    "per_device": {d: _step_at(by_device.get(d), i) for d in devices},
                }
                for i, step in enumerate(first["steps"])
            ]
            scenarios.append(
                {
                    "key": key,
                    "title": first["scenario"]["title"],
                    "tags": first["scenario"]["tags"],
                    "line": first["scenario"]["line"],
                    "by_device": by_device,
                    "steps": steps,
                    "outcome": _worst([r["outcome"] for r in by_device.values()]),
                    "history": {d: scenario_history(runs, key, d) for d in devices},
                }
            )
        features.append(
            {
                "file": file,
                "name": in_feature[0]["feature"]["name"],
                "scenarios": scenarios,
                "counts": outcome_counts(in_feature),
                "outcome": _worst([s["outcome"] for s in scenarios]),
            }
        )
    return devices, features


def _step_at(record: dict | None, index: int) -> dict | None:
    if record is None or index >= len(record["steps"]):
        return None
    return record["steps"][index]


def _worst(outcomes: list[str]) -> str:
    for outcome in ("failed", "undefined", "skipped", "passed"):
        if outcome in outcomes:
            return outcome
    return ""


def trend_bars(runs: list[dict], last: int = 30) -> list[dict]:
    """The last runs as bars for the trend chart: heights in pixels of passed, failed, skipped."""
    shown = runs[-last:]
    tallest = max((sum(r["totals"].values()) for r in shown), default=1) or 1
    bars = []
    for x, run in enumerate(shown):
        totals = run["totals"]
        scale = 80 / tallest
        bars.append(
            {
                "x": x * 14,
                "run": run,
                **{k: round(totals.get(k, 0) * scale, 1) for k in ("passed", "failed", "skipped")},
            }
        )
    return bars


def write_report(path: Path, records: list[dict], runs: list[dict], run: dict, coverage: dict) -> None:
    """reports/index.html: grouped by feature, steps in Japanese with a screenshot each, devices side by side."""
    devices, features = features_view(records, runs)
    html = (
        environment()
        .get_template("report.html")
        .render(
            devices=devices,
            features=features,
            run=run,
            totals=outcome_counts(records),
            per_device=run["devices"],
            bars=trend_bars(runs),
            runs=runs,
            coverage=coverage,
        )
    )
    path.write_text(html, encoding="utf-8")


def write_coverage(path: Path, coverage: dict, run: dict) -> None:
    """reports/coverage.html: every catalogued item, what checks it, and what nothing checks yet."""
    path.write_text(environment().get_template("coverage.html").render(coverage=coverage, run=run), encoding="utf-8")
