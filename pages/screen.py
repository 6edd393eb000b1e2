"""What every screen of the world shows: its heading, the bank's messages, notices and 画面ID in the footer."""

from playwright.sync_api import Page


class Screen:
    """Any screen; a subclass names its heading (TITLE, the manual's title) and what the customer does there."""

    TITLE = ""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = self.titled(self.TITLE) if self.TITLE else None
        self.alert = page.get_by_role("alert")  # the bank's messages on a refused entry
        self.notice = page.get_by_role("status")  # what the bank tells the customer, e.g. 登録を中止しました。
        self.main = page.get_by_role("main")
        self.screen_id = page.get_by_role("contentinfo")  # 画面ID : SID001

    def titled(self, title: str):
        """The screen's heading, if it is `title`."""
        return self.page.get_by_role("heading", level=1, name=title, exact=True)

    def control(self, name: str):
        """A link or button the customer taps, by its words."""
        return self.page.get_by_role("link", name=name, exact=True).or_(
            self.page.get_by_role("button", name=name, exact=True)
        )
