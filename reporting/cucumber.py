"""Cucumber JSON from the merged records: one file however many pytest-xdist workers ran."""

from __future__ import annotations

import json
import re
from pathlib import Path


def _slug(text: str) -> str:
    return re.sub(r"\s+", "-", text.strip().lower())


def to_cucumber(records: list[dict]) -> list[dict]:
    """Features with their scenarios (one element per device), steps and results, as Cucumber reporters read them."""
    features: dict[str, dict] = {}
    for record in records:
        feature = record["feature"]
        entry = features.setdefault(
            feature["file"],
            {
                "uri": feature["file"],
                "id": _slug(feature["name"]),
                "keyword": "機能",
                "name": feature["name"],
                "description": "",
                "line": 1,
                "tags": [{"name": f"@{t}", "line": 1} for t in feature["tags"]],
                "elements": [],
            },
        )
        scenario = record["scenario"]
        entry["elements"].append(
            {
                "id": f"{entry['id']};{_slug(scenario['name'])};{record['device'].lower()}",
                "keyword": "シナリオ",
                "name": f"{scenario['title']} [{record['device']}]",
                "description": "",
                "line": scenario["line"],
                "type": "scenario",
                "tags": [{"name": f"@{t}", "line": scenario["line"]} for t in scenario["tags"]],
                "steps": [_step(step) for step in record["steps"]],
            }
        )
    return list(features.values())


def _step(step: dict) -> dict:
    result = {"status": step["status"], "duration": int(step["duration"] * 1e9)}
    if step.get("error"):
        result["error_message"] = step["error"]
    return {
        "keyword": f"{step['keyword']} ",
        "name": step["name"],
        "line": step["line"],
        "match": {"location": ""},
        "result": result,
    }


def write(records: list[dict], path: Path) -> None:
    """Write reports/cucumber.json."""
    path.write_text(json.dumps(to_cucumber(records), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
