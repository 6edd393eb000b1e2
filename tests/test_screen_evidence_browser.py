"""A screen a page object confirms shown is evidence even when its page never reaches DOMContentLoaded (a step may
leave the page first), which is when the page's own report (pages/phones.py REPORT_SCREENS) is sent."""

from __future__ import annotations

from pages.phones import REPORT_SCREENS
from pages.screen import Screen


class HeldScreen(Screen):
    SCREEN = "A-NAME"
    TITLE = "トークン表示名設定"


def test_a_confirmed_screen_is_recorded_though_the_page_never_reports_it(browser):
    context = browser.new_context()
    reported, seen = [], []
    context.expose_binding("mockbankScreenShown", lambda _source, screen: reported.append(screen))
    context.add_init_script(REPORT_SCREENS)
    page = context.new_page()
    page.route("**/held.js", lambda route: None)  # a deferred script that never arrives: no DOMContentLoaded
    page.route(
        "http://bank.test/",
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            body='<html><head><script defer src="/held.js"></script></head>'
            '<body data-screen="A-NAME"><h1>トークン表示名設定</h1></body></html>',
        ),
    )
    page.goto("http://bank.test/", wait_until="commit")
    HeldScreen(page, seen.append).expect_shown()
    context.close()
    assert seen == ["A-NAME"] and reported == []
