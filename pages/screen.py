"""What every screen of the world shows: its heading, the bank's messages and notices, and which screen it is."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

# How long a screen may take to appear after the customer's action, including a screen that moves on by
# itself (S-TEL asks the bank every second whether the call proved the application).
SHOWN_MS = 10_000


class Find:
    """A locator a page object declares once, as a class attribute; read on an instance, it is found on that screen's page."""

    def __init__(self, find: Callable[[Page], Locator]) -> None:
        self.find = find

    def __get__(self, screen: Screen | None, owner: type | None = None):
        return self if screen is None else self.find(screen.page)


def field(label: str) -> Find:
    """An entry field, by its label's exact words."""
    return Find(lambda page: page.get_by_label(label, exact=True))


def button(name: str, exact: bool = True) -> Find:
    """A button, by its words."""
    return Find(lambda page: page.get_by_role("button", name=name, exact=exact))


def link(name: str, exact: bool = True) -> Find:
    """A link, by its words."""
    return Find(lambda page: page.get_by_role("link", name=name, exact=exact))


def css(selector: str) -> Find:
    """Anything else, by a CSS selector (a last resort: prefer words the customer reads)."""
    return Find(lambda page: page.locator(selector))


class Screen:
    """Any screen; a subclass names its catalogue ID (SCREEN), its heading (TITLE, the manual's) and what the customer does there.

    PAGE says where on the phone the screen shows: the web browser, or the ワンタイムPW app.
    """

    SCREEN = ""
    TITLE = ""
    PAGE = "browser"
    URL = ""  # where open() goes, for screens a customer may open directly

    alert = Find(lambda page: page.get_by_role("alert"))  # the bank's messages on a refused entry
    notice = Find(
        lambda page: page.get_by_role("status")
    )  # what the bank tells the customer, e.g. 登録を中止しました。
    main = Find(lambda page: page.get_by_role("main"))
    screen_id = Find(lambda page: page.get_by_role("contentinfo"))  # 画面ID : SID001, where the manual shows one

    def __init__(self, page: Page, seen: Callable[[str], None] | None = None) -> None:
        self.page = page
        self.heading = self.titled(self.TITLE) if self.TITLE else None
        self.seen = seen  # the phone's record of the screens it showed (evidence for the coverage map)

    def expect_shown(self, timeout: float = SHOWN_MS) -> None:
        """Wait until the phone shows this screen (its catalogue ID on <body data-screen>, and its heading)."""
        expect(self.page.locator("body")).to_have_attribute("data-screen", self.SCREEN, timeout=timeout)
        if self.heading is not None:
            expect(self.heading).to_be_visible(timeout=timeout)
        if self.seen is not None:  # the page's own report may never come: a step can leave before DOMContentLoaded
            self.seen(self.SCREEN)

    def open(self) -> None:
        """Go to the screen's address, as a customer following a bookmark would."""
        self.page.goto(self.URL)

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
