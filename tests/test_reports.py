"""Reports (issue: reports a product owner reads): the HTML report calls nothing outside; the coverage map matches the tags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mockbank.catalogue import DEVICE_TAGS, SECTIONS
from reporting import cucumber, history
from reporting.coverage import build
from reporting.html import write_coverage, write_report

ROOT = Path(__file__).parent.parent
FEATURES = ROOT / "features"
TAG = re.compile(r"@([\w-]+)")


def tags_in_feature_files() -> set[str]:
    """Every tag written in a feature file, read plainly from the text (independent of the map's parser)."""
    found = set()
    for path in FEATURES.rglob("*.feature"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("@"):
                found |= set(TAG.findall(line))
    return found


def record(
    device: str,
    outcome: str,
    shot: str | None,
    line: int = 10,
    evidence: dict | None = None,
    file: str = "customer_info.feature",
) -> dict:
    """A scenario record as the plugin writes it; by default its run showed SID001 and refused R-ACCT-BRANCH."""
    shots = [{"phone": device, "path": shot, "blank": False}] if shot else []
    steps = [
        {
            "keyword": "もし",
            "name": "お客様情報入力画面を開く",
            "line": line + 1,
            "status": "passed",
            "duration": 0.1,
            "error": None,
            "screenshots": shots,
        }
    ]
    return {
        "nodeid": f"features/test_features.py::test_x[{device}]",
        "key": "test_x",
        "device": device,
        "feature": {"name": "お客様情報入力", "file": file, "tags": ["P5", "SID001"]},
        "scenario": {
            "name": "店番は半角数字3桁",
            "title": "店番は半角数字3桁",
            "line": line,
            "tags": ["P5", "R-ACCT-BRANCH", "SID001"],
            "params": {},
        },
        "steps": steps,
        "outcome": outcome,
        "duration": 1.2,
        "error": {"message": "AssertionError: 画面が違います", "traceback": "Traceback…"}
        if outcome == "failed"
        else None,
        "artifacts": {"trace": ["failures/x/trace.zip"]} if outcome == "failed" else {},
        "phones": [device],
        "evidence": evidence if evidence is not None else {"screens": ["SID001"], "rules": ["R-ACCT-BRANCH"]},
    }


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    """A report written from two devices' records, with a real screenshot file each."""
    from base64 import b64decode

    pixel = b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    (tmp_path / "shots").mkdir()
    for name in ("a.png", "b.png"):
        (tmp_path / "shots" / name).write_bytes(pixel)
    records = [record("iPhone", "passed", "shots/a.png"), record("Android", "failed", "shots/b.png")]
    run = history.run_summary("r1", "2026-11-27 09:00:00", 3.0, records)
    runs = history.append(tmp_path / "history" / "history.jsonl", run)
    coverage = build(FEATURES, records)
    write_report(tmp_path / "index.html", records, runs, run, coverage)
    write_coverage(tmp_path / "coverage.html", coverage, run)
    return tmp_path


def test_the_report_makes_no_request_outside_the_machine(report_dir, browser):
    """Load both pages from disk in Chromium, record every request: all are file:// (or data:)."""
    requests = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(request.url))
    for name in ("index.html", "coverage.html"):
        page.goto((report_dir / name).as_uri())
        page.wait_for_load_state("networkidle")
        for details in page.locator("details").all():
            details.evaluate("element => element.open = true")  # lazy images load once shown
        page.wait_for_load_state("networkidle")
    shown = page.evaluate("() => document.body.innerText")
    page.close()
    outside = [url for url in requests if not url.startswith(("file://", "data:"))]
    assert outside == []
    assert any(url.endswith("shots/a.png") for url in requests), "the screenshots load from disk"
    assert "マニュアルのカバレッジ" in shown


def test_the_report_shows_each_device_side_by_side_with_steps_and_failures(report_dir):
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    assert "機能: お客様情報入力" in html and "お客様情報入力画面を開く" in html
    assert html.index("<th>iPhone</th>") < html.index("<th>Android</th>")
    assert 'src="shots/a.png"' in html and 'src="shots/b.png"' in html
    assert "AssertionError: 画面が違います" in html and "failures/x/trace.zip" in html


def test_the_coverage_map_counts_match_the_feature_tags():
    coverage = build(FEATURES, [])
    tags = tags_in_feature_files()
    for section, (title, catalogue) in zip(coverage["sections"], SECTIONS, strict=False):
        checked = {item["id"] for item in section["entries"] if item["scenarios"]}
        assert section["title"] == title
        assert checked == tags & set(catalogue), title
        assert section["checked"] == len(checked)
        assert set(section["unchecked"]) == set(catalogue) - tags
        assert section["total"] == len(catalogue)


def test_every_tag_in_a_feature_is_in_the_catalogue():
    known = {tag for _, catalogue in SECTIONS for tag in catalogue} | set(DEVICE_TAGS)
    assert tags_in_feature_files() - known == set()


def test_cucumber_json_has_one_element_per_device_with_japanese_steps():
    records = [record("iPhone", "passed", None), record("Android", "failed", None)]
    (feature,) = cucumber.to_cucumber(records)
    assert feature["name"] == "お客様情報入力"
    assert [e["name"] for e in feature["elements"]] == ["店番は半角数字3桁 [iPhone]", "店番は半角数字3桁 [Android]"]
    assert feature["elements"][0]["steps"][0]["keyword"] == "もし "


def test_history_names_the_scenarios_that_both_passed_and_failed():
    runs = [
        history.run_summary(str(n), "t", 1.0, [record("iPhone", outcome, None)])
        for n, outcome in enumerate(["passed", "failed", "passed"])
    ]
    runs.append(history.run_summary("3", "t", 1.0, [record("Android", "passed", None)]))
    assert history.flaky(runs) == {"test_x|iPhone": {"passed": 2, "failed": 1}}


def test_the_default_run_never_retries_a_failure():
    """No rerun plugin or option hides a failure behind a retry."""
    settings = (ROOT / "pyproject.toml").read_text(encoding="utf-8") + (ROOT / "scripts" / "acceptance.sh").read_text(
        encoding="utf-8"
    )
    assert "--reruns" not in settings and "rerunfailures" not in settings


def test_an_item_is_proven_when_every_run_of_its_scenarios_passed_whatever_devices_ran():
    """A @PC scenario adds a PC column; items whose scenarios ran only on the phones are still proven."""
    from reporting.coverage import scenarios_by_tag

    line = scenarios_by_tag(FEATURES)["R-ACCT-BRANCH"][0]["line"]
    records = [record("iPhone", "passed", None, line=line), record("Android", "passed", None, line=line)]
    pc_only = dict(record("PC", "passed", None, line=line + 1000), key="test_y")
    coverage = build(FEATURES, records + [pc_only])
    rules = next(s for s in coverage["sections"] if s["title"] == "ルール")
    branch_rule = next(e for e in rules["entries"] if e["id"] == "R-ACCT-BRANCH")
    assert coverage["devices"] == ["iPhone", "Android", "PC"]
    assert branch_rule["status"] == "passed"


def branch_rule_entry(records: list[dict]) -> dict:
    """The coverage map's entry for R-ACCT-BRANCH built from `records`."""
    rules = next(s for s in build(FEATURES, records)["sections"] if s["title"] == "ルール")
    return next(e for e in rules["entries"] if e["id"] == "R-ACCT-BRANCH")


def test_a_tag_whose_runs_show_no_evidence_is_listed_as_unproven_not_checked():
    from reporting.coverage import scenarios_by_tag

    line = scenarios_by_tag(FEATURES)["R-ACCT-BRANCH"][0]["line"]
    nothing = {"screens": ["SID001"], "rules": ["R-ACCT-NO"]}
    entry = branch_rule_entry([record(d, "passed", None, line=line, evidence=nothing) for d in ("iPhone", "Android")])
    assert entry["status"] == "unproven"
    rules = next(
        s
        for s in build(FEATURES, [record("iPhone", "passed", None, line=line, evidence=nothing)])["sections"]
        if s["title"] == "ルール"
    )
    assert "R-ACCT-BRANCH" in rules["unproven"]


def test_a_journey_is_proven_only_when_every_screen_of_it_is():
    from reporting.coverage import scenarios_by_tag

    scenario = scenarios_by_tag(FEATURES)["J-APPLY"][0]
    top_only = record(
        "iPhone",
        "passed",
        None,
        line=scenario["line"],
        file=scenario["file"],
        evidence={"screens": ["S-TOP"], "rules": []},
    )
    journeys = next(s for s in build(FEATURES, [top_only])["sections"] if s["title"] == "手続き")
    apply_journey = next(e for e in journeys["entries"] if e["id"] == "J-APPLY")
    assert apply_journey["status"] == "partial" and apply_journey["missing"] == ["S-APPLY"]


def test_evidence_proves_screens_shown_rules_applied_and_the_pages_and_journeys_they_belong_to():
    from reporting.evidence import rules_applied, unproven

    journal = [
        {"kind": "refused", "rule": "R-ID-FMT", "detail": {}},
        {"kind": "screen", "rule": None, "detail": {"passed": ["R-ID-TWICE"]}},
    ]
    evidence = {"screens": ["S-ID"], "rules": sorted(rules_applied(journal))}
    assert evidence["rules"] == ["R-ID-FMT", "R-ID-TWICE"]
    assert unproven(["P6", "S-ID", "R-ID-FMT", "R-ID-TWICE", "J-NEW", "PC"], evidence) == []
    assert unproven(["S-ID-DONE", "R-DISTINCT", "P8", "J-APPLY"], evidence) == [
        "J-APPLY",
        "P8",
        "R-DISTINCT",
        "S-ID-DONE",
    ]


def test_a_tag_the_harness_failed_for_want_of_evidence_is_listed_as_unproven_not_failed():
    from reporting.coverage import scenarios_by_tag

    line = scenarios_by_tag(FEATURES)["R-ACCT-BRANCH"][0]["line"]
    run = dict(record("iPhone", "failed", None, line=line), unproven=["R-ACCT-BRANCH"])
    entry = branch_rule_entry([run])
    assert entry["status"] == "unproven"
    assert entry["scenarios"][0]["results"] == {"iPhone": "unproven"}
