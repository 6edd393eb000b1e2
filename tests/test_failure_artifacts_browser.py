"""A passed run leaves pytest-playwright nothing to zip or shoot; a failed one keeps its trace and screenshot, also when
it fails only at the check after its steps (R: traces on failure; README "What a run leaves")."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from pages.devices import DEVICES
from pages.phones import Phones
from tests.settings import served_bank

ROOT = Path(__file__).parent.parent
SCENARIO = "トップページからご利用案内へ進むと4つの入口がある"


def acceptance(tmp_path: Path, *extra: str) -> tuple[subprocess.CompletedProcess, Path]:
    """One quick scenario on iPhone with scripts/acceptance.sh's trace and screenshot settings; returns the report's
    failures/ folder (where the report moves what pytest-playwright kept in --output)."""
    output = tmp_path / "output"
    command = [sys.executable, "-m", "pytest", "features", "-k", SCENARIO, "--matrix", "iPhone", "-q"]
    command += ["--tracing=retain-on-failure", "--screenshot=only-on-failure", f"--output={output}"]
    command += ["--report-dir", str(tmp_path / "reports"), "-p", "no:cacheprovider", *extra]
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return done, tmp_path / "reports" / "failures"


def test_a_passed_run_keeps_nothing_and_one_failing_its_tag_check_keeps_its_trace_and_screenshot(tmp_path):
    passed, output = acceptance(tmp_path / "passed")
    assert passed.returncode == 0, passed.stdout[-3000:]
    assert not list(output.glob("F*/*"))

    failed, output = acceptance(tmp_path / "failed", "-p", "tests.claim_unproven")
    assert failed.returncode == 1 and "tags without evidence: @A-HELP" in failed.stdout, failed.stdout[-3000:]
    (trace,) = output.glob("F01-top-iPhone/trace.zip")
    assert list(output.glob("F01-top-iPhone/test-failed-*.png"))
    with zipfile.ZipFile(trace) as kept:  # the whole run: the guide the scenario walked to is in it
        events = kept.read("trace.trace").decode()
        assert "/netbank/" in events
        # each action's page as the trace viewer shows it, without the filmstrip (features/conftest.py: traced)
        assert '"type":"frame-snapshot"' in events and '"type":"screencast-frame"' not in events


def test_dropping_a_passed_runs_artifacts_leaves_an_empty_trace_and_no_page(tmp_path, browser, playwright):
    def traced_context(**args):
        context = browser.new_context(**args)
        context.tracing.start(screenshots=True, snapshots=True)
        return context

    with served_bank(tmp_path / "t.sqlite") as url:
        phones = Phones(traced_context, playwright, DEVICES["iPhone"])
        phone = phones.default
        phone.browser.goto(url + "/netbank/")
        phones.drop_failure_artifacts()
        assert phone.context.pages == []
        phone.context.tracing.stop(path=tmp_path / "trace.zip")
        phone.context.close()
    with zipfile.ZipFile(tmp_path / "trace.zip") as kept:
        assert "/netbank/" not in kept.read("trace.trace").decode()
