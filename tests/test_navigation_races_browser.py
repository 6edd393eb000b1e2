"""A step that opens a page ends once the page is opening, and a step screenshot never waits for ever on one."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Error

from pages.keyboard import Keyboard
from reporting import shots

FORM = '<form method="post" action="/next"><input name="q"><button>次へ</button></form>'


class SlowBank(BaseHTTPRequestHandler):
    """A form, and a next page that takes 300 ms to answer: long enough for a step to race it."""

    def log_message(self, *args) -> None:
        pass

    def reply(self, html: str) -> None:
        body = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.reply(FORM)

    def do_POST(self) -> None:
        time.sleep(0.3)
        self.reply("<h1>次の画面</h1>")


@pytest.fixture(scope="module")
def slow_bank():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowBank)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_enter_on_a_button_waits_as_a_click_does_for_the_page_it_opens(browser, slow_bank):
    page = browser.new_page()
    page.goto(slow_bank + "/")
    Keyboard(page).press(page.get_by_role("button", name="次へ"))
    url = page.url  # the moment the step ends: the next page is on its way in, not the form still up
    page.close()
    assert url == slow_bank + "/next"


class StuckSession:
    """A CDP session whose screenshot never comes, as Chromium's when a navigation commits during the capture."""

    def __init__(self) -> None:
        self.timeouts: list = []

    def send(self, method: str, params: dict, timeout: float | None = None):
        self.timeouts.append(timeout)
        if not timeout:
            raise AssertionError("asked with no time limit: this capture would wait for ever")
        raise Error(f"CDPSession.send: Timeout {timeout}ms exceeded.")


def test_a_capture_that_never_comes_gives_way_to_playwrights_screenshot(browser, tmp_path):
    page = browser.new_page(viewport={"width": 393, "height": 659})
    page.set_content("<h1>ログインID取得</h1>")
    stuck = shots._sessions[page] = StuckSession()
    path = shots.save(page, tmp_path)
    fresh = shots._sessions.get(page)
    page.close()
    assert stuck.timeouts == [shots.CAPTURE_MS]
    assert path.suffix == ".webp" and path.stat().st_size > 0  # Playwright's PNG, re-encoded by the browser
    assert fresh is None, "the stuck session is dropped: the next screenshot asks for a new one"
