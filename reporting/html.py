"""The HTML report and coverage map: self-contained pages that open from disk and call nothing outside."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from mockbank.catalogue import SECTIONS
from reporting import failures
from reporting.environment import wall_time
from reporting.history import scenario_history, unstable
from reporting.records import devices_in, outcome_counts

TEMPLATES = Path(__file__).parent / "templates"
OUTCOME_JA = {
    "passed": "成功",
    "failed": "失敗",
    "skipped": "スキップ",
    "undefined": "未定義",
    "unproven": "証拠なし",
    "flaky": "不安定",
    "": "未実行",
}
MARKS = {"passed": "○", "failed": "×", "skipped": "－", "": "・"}  # a past outcome, as the report writes it


def environment() -> Environment:
    """Jinja with autoescaping and the outcome names in Japanese."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["ja"] = lambda outcome: OUTCOME_JA.get(outcome or "", outcome)
    env.filters["mark"] = lambda outcome: MARKS.get(outcome or "", "？")
    env.filters["artifacts"] = lambda record: record.get("failure_files") or failures.labelled(record)
    env.filters["wall_time"] = wall_time
    return env


def features_view(records: list[dict], runs: list[dict]) -> tuple[list[str], list[dict]]:
    """Devices in matrix order, and features → scenarios → a column per device it ran on, with steps aligned."""
    devices = devices_in(records)
    failures.name(records)
    features = []
    for file, in_feature in groupby(records, key=lambda r: r["feature"]["file"]):
        in_feature = list(in_feature)
        lines = Counter()
        scenarios = []
        for key, runs_of_key in groupby(in_feature, key=lambda r: r["key"]):
            runs_of_key = list(runs_of_key)  # several per device when repeated (burn-in's --count)
            by_device = {r["device"]: r for r in runs_of_key}  # the last run on each device: its steps are shown
            outcomes = {d: [r["outcome"] for r in runs_of_key if r["device"] == d] for d in by_device}
            first = next(iter(by_device.values()))
            scenario = first["scenario"]
            # A device's column only where the scenario ran on it or is tagged for it (@PC).
            columns = [d for d in devices if d in by_device or d in scenario["tags"]]
            recent = {d: scenario_history(runs, key, d) for d in columns}
            lines[scenario["line"]] += 1
            anchor = f"{Path(file).stem}-{scenario['line']}"
            steps = [
                {
                    "keyword": step["keyword"],
                    "name": step["name"],
                    "per_device": {d: _step_at(by_device.get(d), i) for d in columns},
                }
                for i, step in enumerate(first["steps"])
            ]
            scenarios.append(
                {
                    "key": key,
                    "anchor": f"{anchor}-{lines[scenario['line']]}" if scenario.get("params") else anchor,
                    "title": scenario["title"],
                    "tags": scenario["tags"],
                    "line": scenario["line"],
                    "by_device": by_device,
                    "outcomes": outcomes,
                    "failures": [r for r in runs_of_key if r["outcome"] == "failed"],
                    "columns": columns,
                    "steps": steps,
                    "outcome": _worst([r["outcome"] for r in runs_of_key]),
                    "history": recent,
                    "flaky": unstable(outcomes, recent),
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


def problems(features: list[dict]) -> list[dict]:
    """What the top of the page lists: every failed run, and every flaky scenario that did not fail, in page order."""
    found = []
    for feature in features:
        for scenario in feature["scenarios"]:
            for record in scenario["failures"]:
                message = (record.get("error") or {}).get("message") or ""
                found.append(
                    {
                        "kind": "failed",
                        "anchor": record["failure_id"],
                        "device": record["device"],
                        "message": message.splitlines()[0] if message else "",
                        "feature": feature,
                        "scenario": scenario,
                    }
                )
            if scenario["flaky"] and scenario["outcome"] != "failed":
                found.append({"kind": "flaky", "anchor": scenario["anchor"], "feature": feature, "scenario": scenario})
    return found


def tag_groups(features: list[dict]) -> list[tuple[str, list[str]]]:
    """The tags the run's scenarios carry, by catalogue section (画面, ルール, …) in catalogue order, then others."""
    used = {tag for feature in features for scenario in feature["scenarios"] for tag in scenario["tags"]}
    groups = [(title, [tag for tag in catalogue if tag in used]) for title, catalogue in SECTIONS]
    known = {tag for _, catalogue in SECTIONS for tag in catalogue}
    groups.append(("その他", sorted(used - known)))
    return [(title, tags) for title, tags in groups if tags]


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


def write_report(
    path: Path, records: list[dict], runs: list[dict], run: dict, coverage: dict, env: dict | None = None
) -> None:
    """reports/index.html: the verdict and failures first, filters, then features with steps and screenshots."""
    devices, features = features_view(records, runs)
    found = problems(features)
    html = (
        environment()
        .get_template("report.html")
        .render(
            devices=devices,
            features=features,
            problems=found,
            flaky=sum(1 for f in features for s in f["scenarios"] if s["flaky"]),
            scenarios=sum(len(f["scenarios"]) for f in features),
            tag_groups=tag_groups(features),
            run=run,
            env=env or {},
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
