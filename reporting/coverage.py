"""The coverage map: every catalogued page, screen, rule and journey, the scenarios that check it, their results."""
from __future__ import annotations

from pathlib import Path

from pytest_bdd.feature import get_features

from mockbank.catalogue import SECTIONS
from reporting.records import devices_in


def scenarios_by_tag(features_dir: Path) -> dict[str, list[dict]]:
    """Each tag, with the scenarios that carry it (feature tags count for all the feature's scenarios)."""
    paths = sorted(str(p) for p in features_dir.rglob("*.feature"))
    tagged: dict[str, list[dict]] = {}
    for feature in get_features(paths):
        for template in feature.scenarios.values():
            tags = set(feature.tags) | set(template.tags)
            for examples in template.examples:
                tags |= set(examples.tags)
            entry = {"feature": feature.name, "scenario": template.name,
                     "file": Path(feature.filename).name, "line": template.line_number}
            for tag in tags:
                tagged.setdefault(tag, []).append(entry)
    return tagged


def build(features_dir: Path, records: list[dict]) -> dict:
    """The map: per section, each item with its scenarios and their latest result per device."""
    tagged = scenarios_by_tag(features_dir)
    results = _results_by_scenario(records)
    devices = devices_in(records)
    sections = []
    for title, catalogue in SECTIONS:
        items = []
        for item_id, meaning in catalogue.items():
            scenarios = [
                {**s, "results": results.get((s["file"], s["line"]), {})} for s in tagged.get(item_id, [])
            ]
            items.append({"id": item_id, "meaning": meaning, "scenarios": scenarios,
                          "status": _status(scenarios)})
        checked = [i for i in items if i["scenarios"]]
        sections.append({"title": title, "entries": items, "total": len(items), "checked": len(checked),
                         "proven": sum(1 for i in items if i["status"] == "passed"),
                         "unchecked": [i["id"] for i in items if not i["scenarios"]]})
    return {"devices": devices, "sections": sections}


def _results_by_scenario(records: list[dict]) -> dict[tuple, dict[str, str]]:
    """(file, line) → device → outcome; an outline fails on a device if any example failed there."""
    results: dict[tuple, dict[str, str]] = {}
    for record in records:
        where = (Path(record["feature"]["file"]).name, record["scenario"]["line"])
        per_device = results.setdefault(where, {})
        previous = per_device.get(record["device"])
        if previous != "failed":
            per_device[record["device"]] = record["outcome"] if previous in (None, "passed") else previous
    return results


def _status(scenarios: list[dict]) -> str:
    """passed: every run of its scenarios passed; failed: any failed; unrun: checked but not run; none: unchecked."""
    if not scenarios:
        return "none"
    outcomes = [outcome for s in scenarios for outcome in s["results"].values()]
    if "failed" in outcomes:
        return "failed"
    if outcomes and all(o == "passed" for o in outcomes):
        return "passed"
    return "unrun"
