"""Which Chromium the suite launches (conftest.chromium_executable): set-up's choice, a window only when headed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SHELL = "/usr/bin/chromium-headless-shell"


@pytest.fixture
def harness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The root conftest.py as a module of its own, its checkout a temporary one with no browser recorded."""
    spec = importlib.util.spec_from_file_location("root_conftest", Path(__file__).parents[1] / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.delenv("MOCKBANK_CHROMIUM", raising=False)
    (tmp_path / ".venv").mkdir()
    return module


def installed(monkeypatch: pytest.MonkeyPatch, harness, *names: str) -> None:
    """The machine has these browsers on its PATH, and no other."""
    paths = {name: f"/usr/bin/{name}" for name in names}
    monkeypatch.setattr(harness.shutil, "which", paths.get)


def record(harness, choice: str) -> None:
    (harness.ROOT / ".venv" / ".browser").write_text(choice + "\n")


def test_headless_runs_take_the_headless_shell_set_up_recorded(harness, monkeypatch):
    installed(monkeypatch, harness, "chromium", "chromium-headless-shell")
    record(harness, SHELL)
    assert harness.chromium_executable() == SHELL


def test_a_headed_run_takes_the_windowed_chromium_instead(harness, monkeypatch):
    installed(monkeypatch, harness, "chromium", "chromium-headless-shell")
    record(harness, SHELL)
    assert harness.chromium_executable(headed=True) == "/usr/bin/chromium"


def test_a_headed_run_without_a_windowed_chromium_stops_saying_what_to_install(harness, monkeypatch):
    installed(monkeypatch, harness, "chromium-headless-shell")
    record(harness, SHELL)
    with pytest.raises(pytest.exit.Exception, match="apt-get install chromium"):
        harness.chromium_executable(headed=True)


def test_playwrights_own_browser_is_left_to_playwright_headed_or_not(harness, monkeypatch):
    installed(monkeypatch, harness, "chromium", "chromium-headless-shell")
    record(harness, "playwright")
    assert harness.chromium_executable() is None
    assert harness.chromium_executable(headed=True) is None


def test_nothing_recorded_prefers_the_headless_shell_on_the_path(harness, monkeypatch):
    installed(monkeypatch, harness, "chromium", "chromium-headless-shell")
    assert harness.chromium_executable() == SHELL
    installed(monkeypatch, harness, "chromium")
    assert harness.chromium_executable() == "/usr/bin/chromium"


def test_mockbank_chromium_overrides_everything(harness, monkeypatch):
    installed(monkeypatch, harness, "chromium", "chromium-headless-shell")
    record(harness, SHELL)
    monkeypatch.setenv("MOCKBANK_CHROMIUM", "/opt/chrome/chrome")
    assert harness.chromium_executable(headed=True) == "/opt/chrome/chrome"
