"""Real scenarios run whole, then as two shards one after the other: the merged report equals the whole, run for run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reporting import merge

ROOT = Path(__file__).parent.parent
# Eight quick runs (four scenarios on iPhone and Android) of four features, which prove screens and a journey.
SELECTION = (
    "トップページからご利用案内へ進むと4つの入口がある or 店番がわからない or 申込みの方法 or 新規ご契約の入口から"
)
SCENARIO = re.compile(r'<details class="scenario" id="([^"]+)" data-runs="([^"]*)" data-flaky="(\d)"')


def acceptance(report_dir: Path, *extra: str) -> None:
    """The selection on iPhone and Android, as scripts/acceptance.sh runs it."""
    command = [sys.executable, "-m", "pytest", "features", "-k", SELECTION, "--matrix", "iPhone,Android"]
    command += ["--report-dir", str(report_dir), "--junitxml", str(report_dir / "acceptance-junit.xml")]
    command += ["-q", "-p", "no:cacheprovider", *extra]
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Path:
    """whole/ (unsharded), shards/1 and shards/2 (balanced by whole's durations), merged/ from the two shards."""
    base = tmp_path_factory.mktemp("shards")
    acceptance(base / "whole")
    for shard in (1, 2):
        acceptance(
            base / "shards" / str(shard), "--shard", f"{shard}/2", "--history-dir", str(base / "whole" / "history")
        )
    assert merge.main([str(base / "shards" / "1"), str(base / "shards" / "2"), "--out", str(base / "merged")]) == 0
    return base


def records(report_dir: Path) -> list[dict]:
    return json.loads((report_dir / "results.json").read_text(encoding="utf-8"))["records"]


def scenario_run(record: dict) -> dict:
    """What a run showed and proved, without its times and file names."""
    steps = [(s["keyword"], s["name"], s["status"]) for s in record["steps"]]
    kept = ("nodeid", "key", "device", "outcome", "feature", "scenario", "evidence", "unproven", "phones", "error")
    return {**{k: record.get(k) for k in kept}, "steps": steps}


def test_the_two_shards_split_the_runs_between_them(runs):
    manifests = [json.loads((runs / "shards" / k / "shard.json").read_text()) for k in "12"]
    assert [m["collected"] for m in manifests] == [8, 8] and all(m["selected"] for m in manifests)
    assert manifests[0]["plan"] == manifests[1]["plan"] and all(m["timed"] == 8 for m in manifests)
    shard_ids = [{r["nodeid"] for r in records(runs / "shards" / k)} for k in "12"]
    assert not shard_ids[0] & shard_ids[1]
    assert shard_ids[0] | shard_ids[1] == {r["nodeid"] for r in records(runs / "whole")}


def test_the_merged_report_equals_the_whole_run_scenario_for_scenario(runs):
    whole, merged = records(runs / "whole"), records(runs / "merged")
    assert len(whole) == 8
    assert [scenario_run(r) for r in merged] == [scenario_run(r) for r in whole]
    shard_runs = {r["nodeid"]: r for k in "12" for r in records(runs / "shards" / k)}
    for record in merged:  # every shard's screenshot, now in the merged report's folder
        shots = [shot for step in record["steps"] for shot in step["screenshots"]]
        assert len(shots) == sum(len(step["screenshots"]) for step in shard_runs[record["nodeid"]]["steps"]) > 0
        assert all((runs / "merged" / shot["path"]).is_file() for shot in shots)
    html = {name: (runs / name / "index.html").read_text(encoding="utf-8") for name in ("whole", "merged")}
    assert SCENARIO.findall(html["merged"]) == SCENARIO.findall(html["whole"]) != []


def test_the_merged_coverage_map_equals_the_whole_runs(runs):
    whole, merged = (json.loads((runs / name / "coverage.json").read_text()) for name in ("whole", "merged"))
    assert merged == whole
    proven = {i["id"] for s in merged["sections"] for i in s["entries"] if i["status"] == "passed"}
    assert {"S-TOP", "SID001", "S-BRANCHES", "S-APPLY"} <= proven


def test_the_merged_cucumber_junit_and_history_count_what_the_whole_counts(runs):
    def cucumber(name: str) -> list:
        return [
            (e["name"], [s["result"]["status"] for s in e["steps"]])
            for f in json.loads((runs / name / "cucumber.json").read_text())
            for e in f["elements"]
        ]

    def junit(name: str) -> list:
        cases = ET.parse(runs / name / "acceptance-junit.xml").getroot().iter("testcase")
        return sorted((c.get("classname"), c.get("name"), [child.tag for child in c]) for c in cases)

    def history(name: str) -> dict:
        line = (runs / name / "history" / "history.jsonl").read_text(encoding="utf-8").splitlines()[-1]
        return {k: v for k, v in json.loads(line).items() if k in ("totals", "devices", "results")}

    assert cucumber("merged") == cucumber("whole")
    assert junit("merged") == junit("whole") and len(junit("whole")) == 8
    assert history("merged") == history("whole")
    assert not (runs / "shards" / "1" / "history").exists(), "a shard writes no history line of its own"
