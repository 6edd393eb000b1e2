"""The coverage map: every catalogued screen, rule, journey and page, the scenarios that check it, and the evidence.

A tag is a claim; the map counts evidence (DESIGN). A scenario checks an item
on a device when its run there passed and showed the screen or applied the
rule (reporting.evidence). An item tagged on scenarios whose runs prove
nothing is listed as "タグのみ（証拠なし）". A journey or page counts as proven
only when every screen (and rule) of it is proven somewhere in the run.
"""

from __future__ import annotations

from pathlib import Path

from pytest_bdd.feature import get_features

from mockbank.catalogue import JOURNEY_SCREENS, PAGES, RULE_PAGES, SCREEN_PAGES, SECTIONS
from reporting.accessibility import by_screen
from reporting.evidence import proven_tags
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
            entry = {
                "feature": feature.name,
                "scenario": template.name,
                "file": Path(feature.filename).name,
                "line": template.line_number,
            }
            for tag in tags:
                tagged.setdefault(tag, []).append(entry)
    return tagged


def build(features_dir: Path, records: list[dict]) -> dict:
    """The map: per section, each item with its scenarios, their result per device, and whether runs proved it."""
    tagged = scenarios_by_tag(features_dir)
    runs = _runs_by_scenario(records)
    devices = devices_in(records)
    sections = []
    for title, catalogue in SECTIONS:
        items = []
        for item_id, meaning in catalogue.items():
            scenarios = [
                _scenario_view(s, item_id, runs.get((s["file"], s["line"]), [])) for s in tagged.get(item_id, [])
            ]
            items.append({"id": item_id, "meaning": meaning, "scenarios": scenarios, "status": _status(scenarios)})
        sections.append({"title": title, "entries": items, "total": len(items)})
    _complete_journeys_and_pages(sections)
    for section in sections:
        entries = section["entries"]
        section.update(
            {
                "checked": sum(1 for i in entries if i["scenarios"]),
                "proven": sum(1 for i in entries if i["status"] == "passed"),
                "unchecked": [i["id"] for i in entries if not i["scenarios"]],
                "unproven": [i["id"] for i in entries if i["status"] == "unproven"],
                "partial": [i["id"] for i in entries if i["status"] == "partial"],
            }
        )
    return {"devices": devices, "sections": sections, "accessibility": by_screen(records)}


def _runs_by_scenario(records: list[dict]) -> dict[tuple, list[dict]]:
    """(file, line) → every run of that scenario (outline examples and devices included)."""
    runs: dict[tuple, list[dict]] = {}
    for record in records:
        runs.setdefault((Path(record["feature"]["file"]).name, record["scenario"]["line"]), []).append(record)
    return runs


def _scenario_view(scenario: dict, item_id: str, runs: list[dict]) -> dict:
    """One tagged scenario: its outcome per device, and per device whether every passing run proved the item."""
    results: dict[str, str] = {}
    proven: dict[str, bool] = {}
    for run in runs:
        device = run["device"]
        # A run that showed no evidence for this item (the harness failed it for that) says so here.
        outcome = "unproven" if item_id in (run.get("unproven") or []) else run["outcome"]
        previous = results.get(device)
        if previous not in ("failed", "unproven"):
            results[device] = outcome if previous in (None, "passed") else previous
        if run["outcome"] == "passed":
            proves = item_id in proven_tags(run.get("evidence") or {"screens": [], "rules": []})
            proven[device] = proven.get(device, True) and proves
    return {**scenario, "results": results, "proven": proven}


def _status(scenarios: list[dict]) -> str:
    """unproven: a run showed no evidence for it (a defect); failed; passed: proven by a passing run; unrun; none."""
    if not scenarios:
        return "none"
    outcomes = [outcome for s in scenarios for outcome in s["results"].values()]
    if "unproven" in outcomes:
        return "unproven"
    if "failed" in outcomes:
        return "failed"
    if any(any(s["proven"].values()) for s in scenarios):
        return "passed"
    if any(outcome == "passed" for outcome in outcomes):
        return "unproven"
    return "unrun"


def _complete_journeys_and_pages(sections: list[dict]) -> None:
    """A journey (a page) is proven only when every screen of it (every screen and rule on it) is."""
    proven = {i["id"] for s in sections for i in s["entries"] if i["status"] == "passed"}
    parts = {journey: set(screens) for journey, screens in JOURNEY_SCREENS.items()}
    for page in PAGES:
        parts[page] = {s for s, pages in SCREEN_PAGES.items() if page in pages}
        parts[page] |= {r for r, pages in RULE_PAGES.items() if page in pages}
    for section in sections:
        for item in section["entries"]:
            if item["id"] in parts:
                item["missing"] = sorted(parts[item["id"]] - proven)
                if item["status"] == "passed" and item["missing"]:
                    item["status"] = "partial"
