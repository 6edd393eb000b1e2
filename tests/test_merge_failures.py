"""The merge of shards with failures (no browser): traces follow their runs, failures are numbered in the whole's order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reporting import merge
from tests.test_report_run import CONFTEST, TESTS, git

ROOT = Path(__file__).parent.parent
FEATURE = """# language: ja
機能: デモ
  シナリオ: 最初に失敗する
    ならば 「1」は「2」と同じ

  シナリオ: 成功する
    ならば 「1」は「1」と同じ

  シナリオ: 次に失敗する
    ならば 「3」は「4」と同じ

  シナリオ: また成功する
    ならば 「5」は「5」と同じ
"""
# Each run's trace holds its own node ID, so the test can tell which trace went where.
TRACE = CONFTEST.replace('write_bytes(b"PK")', "write_bytes(request.node.nodeid.encode())")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The demo project run as two shards, one after the other, each into reports/shards/<K>/."""
    project = tmp_path_factory.mktemp("sharded")
    (project / "features").mkdir()
    (project / "features" / "demo.feature").write_text(FEATURE, encoding="utf-8")
    (project / "test_demo.py").write_text(TESTS, encoding="utf-8")
    (project / "conftest.py").write_text(TRACE, encoding="utf-8")
    (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "nightly")
    git(project, "add", ".")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "demo")
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    for shard in (1, 2):
        out = f"reports/shards/{shard}"
        command = [sys.executable, "-m", "pytest", "test_demo.py", "-p", "reporting.plugin", "-p", "no:cacheprovider"]
        command += ["--shard", f"{shard}/2", "--report-dir", out, "--history-dir", "reports/history"]
        command += ["--junitxml", f"{out}/acceptance-junit.xml", "-q"]
        done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1), done.stdout + done.stderr
    return project


@pytest.fixture(scope="module")
def merged(project) -> int:
    """The two shards merged into the project's reports/: the merge's exit status (each test can run alone)."""
    reports = project / "reports"
    return merge.main([*map(str, sorted((reports / "shards").iterdir())), "--out", str(reports)])


def test_two_shards_merge_into_one_report_whose_failures_carry_their_own_traces(project, merged):
    reports = project / "reports"
    folders = sorted((reports / "shards").iterdir())
    assert [json.loads((f / "shard.json").read_text())["selected"] for f in folders] == [2, 2]
    assert merged == 1  # a run failed
    records = json.loads((reports / "results.json").read_text(encoding="utf-8"))["records"]
    assert [(r["scenario"]["name"], r["outcome"]) for r in records] == [
        ("最初に失敗する", "failed"),
        ("成功する", "passed"),
        ("次に失敗する", "failed"),
        ("また成功する", "passed"),
    ]
    failed = [r for r in records if r["outcome"] == "failed"]
    assert [r["failure_id"] for r in failed] == ["F01-demo-iPhone", "F02-demo-iPhone"]
    for record in failed:
        trace = reports / "failures" / record["failure_id"] / "trace.zip"
        assert trace.read_bytes().decode() == record["nodeid"]
        assert record["artifacts"] == {"trace": [f"failures/{record['failure_id']}/trace.zip"]}
    assert sorted(p.name for p in (reports / "failures").iterdir()) == ["F01-demo-iPhone", "F02-demo-iPhone"]
    html = (reports / "index.html").read_text(encoding="utf-8")
    assert '<a href="failures/F02-demo-iPhone/trace.zip">' in html
    assert "2 件をマージ：1/2 は 2 件" in html and "2/2 は 2 件" in html
    shard_html = (reports / "shards" / "1" / "index.html").read_text(encoding="utf-8")
    assert "<tr><th>シャード</th><td>1/2（全体の一部" in shard_html


def test_the_merged_junit_and_history_count_every_shards_runs(project, merged):
    reports = project / "reports"
    suite = ET.parse(reports / "acceptance-junit.xml").getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("4", "2")
    assert [case.get("name") for case in suite.iter("testcase")] == [
        "test_最初に失敗する[iPhone]",
        "test_成功する[iPhone]",
        "test_次に失敗する[iPhone]",
        "test_また成功する[iPhone]",
    ]
    (line,) = (reports / "history" / "history.jsonl").read_text(encoding="utf-8").splitlines()
    run = json.loads(line)
    assert run["totals"] == {"passed": 2, "failed": 2, "skipped": 0}
    assert len(run["durations"]) == 4


def test_a_missing_shard_is_named_and_fails_the_merge(project, tmp_path, capsys):
    first = project / "reports" / "shards" / "1"
    assert merge.main([str(first), "--out", str(tmp_path / "out")]) == 2
    assert "missing shard(s) 2/2" in capsys.readouterr().err


def test_the_same_shards_merged_again_are_the_same_run_in_the_history(project, tmp_path):
    folders = [str(p) for p in sorted((project / "reports" / "shards").iterdir())]
    for _ in range(2):
        merge.main([*folders, "--out", str(tmp_path / "out")])
    assert len((tmp_path / "out" / "history" / "history.jsonl").read_text().splitlines()) == 1
