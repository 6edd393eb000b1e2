"""Step screenshots stay small: the visible screen only, within the per-screenshot budget, each distinct screen once."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from mockbank.server import BackgroundServer
from pages.devices import DEVICES
from reporting import shots
from tests.settings import bank_settings, stop_mail_capture

# Screens anyone may open, among the busiest the suite shows (the bank's top page makes the largest screenshots).
SCREENS = ("/netbank/", "/netbank/login", "/netbank/first-login", "/netbank/apply", "/netbank/branches", "/")


def jpeg_size(path: Path) -> tuple[int, int]:
    """(width, height) from a JPEG's frame header."""
    data, at = path.read_bytes(), 2
    while at < len(data):
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2 : at + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        at += 2 + length
    raise ValueError(f"no frame in {path}")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    from mockbank import create_app

    app = create_app(bank_settings(tmp_path_factory.mktemp("size") / "w.sqlite"))
    server = BackgroundServer(app).start()
    yield server.url
    server.stop()
    stop_mail_capture(app)


@pytest.mark.parametrize("device", list(DEVICES))
def test_a_step_screenshot_is_the_visible_screen_within_the_budget(bank, browser, playwright, device, tmp_path):
    context = browser.new_context(**DEVICES[device].context_args(playwright), base_url=bank)
    page = context.new_page()
    viewport = page.viewport_size
    try:
        for screen in SCREENS:
            page.goto(screen)
            path = shots.save(page, tmp_path)
            assert jpeg_size(path) == (viewport["width"], viewport["height"]), f"{screen}: the viewport, not the page"
            assert path.stat().st_size <= shots.BUDGET, f"{device} {screen}: {path.stat().st_size} bytes"
    finally:
        context.close()


def test_a_screen_seen_again_is_stored_once(browser, tmp_path):
    page = browser.new_page(viewport={"width": 393, "height": 659})
    page.set_content("<h1>ログインID取得</h1>")
    first, again = shots.save(page, tmp_path), shots.save(page, tmp_path)
    page.set_content("<h1>ログインID取得完了</h1>")
    other = shots.save(page, tmp_path)
    page.close()
    assert first == again != other
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({first.name, other.name})
