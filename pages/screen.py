"""What every screen of the world shows: its heading, the bank's messages (role alert) and 画面ID in the footer."""
from playwright.sync_api import Page


class Screen:
    """A screen by its heading (h1, the manual's title); subclasses name TITLE and what the customer does there."""

    TITLE = ""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", level=1, name=self.TITLE, exact=True) if self.TITLE else None
        self.alert = page.get_by_role("alert")
        self.screen_id = page.get_by_role("contentinfo")
