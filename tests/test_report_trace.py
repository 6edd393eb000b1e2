"""scripts/show-trace.sh opens a real trace on this project's set-up: it serves Playwright's viewer over HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "scripts" / "show-trace.sh"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def trace(tmp_path, browser) -> Path:
    """A real trace.zip of a page that showed a heading, as pytest-playwright keeps for a failed test."""
    context = browser.new_context()
    context.tracing.start(screenshots=True, snapshots=True)
    page = context.new_page()
    page.set_content("<h1>ログインID取得</h1>")
    page.get_by_role("heading", name="ログインID取得").click()
    context.tracing.stop(path=tmp_path / "failures" / "F01-login_id-iPhone" / "trace.zip")
    context.close()
    return tmp_path / "failures" / "F01-login_id-iPhone" / "trace.zip"


def test_show_trace_serves_the_viewer_with_the_trace_until_stopped(trace, browser):
    port = free_port()
    quiet = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    viewer = subprocess.Popen(
        ["bash", str(SCRIPT), str(trace), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=quiet,
        start_new_session=True,  # the script and the node server it starts, stopped together below
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while not answers(url):
            assert viewer.poll() is None, viewer.stdout.read().decode()
            assert time.monotonic() < deadline, "the viewer never answered"
            time.sleep(0.3)
        page = browser.new_page()
        page.goto(url)
        expect(page.get_by_text("ログインID取得").first).to_be_visible(timeout=20_000)  # the traced action, shown
        page.close()
    finally:
        os.killpg(viewer.pid, signal.SIGTERM)
        viewer.wait(timeout=10)
    assert f"Listening on {url[:-1]}" in viewer.stdout.read().decode()
    assert not answers(url), "stopped"


def test_show_trace_says_how_to_use_it_when_the_trace_is_missing(tmp_path):
    done = subprocess.run(["bash", str(SCRIPT), str(tmp_path / "none.zip")], capture_output=True, text=True)
    assert done.returncode == 2 and "usage: bash scripts/show-trace.sh" in done.stderr
