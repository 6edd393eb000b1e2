"""What every screen of the world shows: its heading, the bank's messages and notices, and which screen it is."""

from __future__ import annotations

from playwright.sync_api import Page, expect

# How long a screen may take to appear after the customer's action, including a screen that moves on by
# itself (S-TEL asks the bank every second whether the call proved the application).
SHOWN_MS = 10_000


class Screen:
    """Any screen; a subclass names its catalogue ID (SCREEN), its heading (TITLE, the manual's) and what the customer does there.

    PAGE says where on the phone the screen shows: the web browser, or the ワンタイムPW app.
    """

    SCREEN = ""
    TITLE = ""
    PAGE = "browser"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = self.titled(self.TITLE) if self.TITLE else None
        self.alert = page.get_by_role("alert")  # the bank's messages on a refused entry
        self.notice = page.get_by_role("status")  # what the bank tells the customer, e.g. 登録を中止しました。
        self.main = page.get_by_role("main")
        self.screen_id = page.get_by_role("contentinfo")  # 画面ID : SID001, where the manual shows one

    def expect_shown(self, timeout: float = SHOWN_MS) -> None:
        """Wait until the phone shows this screen (its catalogue ID on <body data-screen>, and its heading)."""
        expect(self.page.locator("body")).to_have_attribute("data-screen", self.SCREEN, timeout=timeout)
        if self.heading is not None:
            expect(self.heading).to_be_visible(timeout=timeout)

    def is_shown(self) -> bool:
        """Whether the phone shows this screen now, without waiting."""
        return self.page.locator(f'body[data-screen="{self.SCREEN}"]').count() == 1

    def titled(self, title: str):
        """The screen's heading, if it is `title`."""
        return self.page.get_by_role("heading", level=1, name=title, exact=True)

    def control(self, name: str):
        """A link or button the customer taps, by its words."""
        return self.page.get_by_role("link", name=name, exact=True).or_(
            self.page.get_by_role("button", name=name, exact=True)
        )
