"""A whole pytest run with the report plugin, in a git project of its own: the environment it records, the failure folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

FEATURE = """# language: ja
機能: デモ
  シナリオ: 失敗する
    ならば 「1」は「2」と同じ

  シナリオ: 成功する
    ならば 「1」は「1」と同じ
"""
TESTS = """from pytest_bdd import parsers, scenarios, then

scenarios("features/demo.feature")


@then(parsers.parse("「{a}」は「{b}」と同じ"))
def same(a, b):
    assert a == b, "違います"
"""
CONFTEST = '''import hashlib
import types
from pathlib import Path

import pytest


def pytest_generate_tests(metafunc):
    if "device_profile" in metafunc.fixturenames:
        metafunc.parametrize("device_profile", [types.SimpleNamespace(name="iPhone")], ids=["iPhone"], indirect=True)


@pytest.fixture(autouse=True)
def device_profile(request):
    return request.param


@pytest.fixture(autouse=True)
def trace(request):
    """What pytest-playwright leaves: a trace in a folder named by a slug of the test, named on the teardown report."""
    yield
    folder = Path("test-output") / hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:8]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trace.zip").write_bytes(b"PK")
    request.node.user_properties.append(("playwright_trace", str(folder / "trace.zip")))
'''


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    """A project with one failing and one passing scenario, committed to git, run once; returns its folder."""
    project = tmp_path_factory.mktemp("project")
    (project / "features").mkdir()
    (project / "features" / "demo.feature").write_text(FEATURE, encoding="utf-8")
    (project / "test_demo.py").write_text(TESTS, encoding="utf-8")
    (project / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "nightly")
    git(project, "add", ".")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "demo")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_REF_NAME"} | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pytest", "test_demo.py", "-p", "reporting.plugin", "-p", "no:cacheprovider"]
    done = subprocess.run(
        [*command, "--report-dir", "reports", "-q"], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stdout + done.stderr
    return project


def test_the_run_records_its_environment_in_results_json_and_shows_it(run):
    env = json.loads((run / "reports" / "results.json").read_text(encoding="utf-8"))["environment"]
    assert env["commit"] == git(run, "rev-parse", "HEAD") and env["branch"] == "nightly"
    assert env["playwright"] == version("playwright")
    assert env["started"].endswith("+09:00") and env["started_text"].endswith("JST (+09:00)")
    assert env["duration"] > 0
    assert env["argv"][-3:] == ["--report-dir", "reports", "-q"]
    assert env["devices"] == ["iPhone"]
    html = (run / "reports" / "index.html").read_text(encoding="utf-8")
    panel = html[html.index('<details id="environment"') :]
    panel = panel[: panel.index("</details>")]
    for shown in (env["commit"], "nightly", version("playwright"), env["started_text"], "--report-dir reports -q"):
        assert shown in panel, shown


def test_a_failure_gets_a_readable_folder_with_its_trace_and_the_command_that_opens_it(run):
    reports = run / "reports"
    assert (reports / "failures" / "F01-demo-iPhone" / "trace.zip").read_bytes() == b"PK"
    (failed,) = [r for r in json.loads((reports / "results.json").read_text())["records"] if r["outcome"] == "failed"]
    assert failed["failure_id"] == "F01-demo-iPhone"
    assert failed["artifacts"] == {"trace": ["failures/F01-demo-iPhone/trace.zip"]}
    html = (reports / "index.html").read_text(encoding="utf-8")
    assert '<a href="failures/F01-demo-iPhone/trace.zip">' in html
    assert '<code class="command">bash scripts/show-trace.sh reports/failures/F01-demo-iPhone/trace.zip</code>' in html
    assert '<div class="failure" id="F01-demo-iPhone">' in html and 'href="#F01-demo-iPhone"' in html
    left = [p.name for p in (run / "test-output").iterdir() if (p / "trace.zip").exists()]
    assert len(left) == 1, "the failed run's slug folder is gone; the passed run's trace was never the report's"
