"""S-HOME つないでネ！ット トップページ (P7, P17)."""

from playwright.sync_api import Page

from pages.screen import Screen


class HomePage(Screen):
    """The logged-in top page (S-HOME): who is logged in, their accounts and transfer limits."""

    TITLE = "つないでネ！ット"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.customer_name = page.locator(".customer-name")
        self.accounts = page.get_by_role("table")
        self.log_out_button = page.get_by_role("button", name="ログアウト")

    def open(self) -> None:
        """Open the top page directly, as from a bookmark."""
        self.page.goto("/netbank/home")

    def account_row(self, kind: str, number: str):
        """The row of one account in 口座一覧."""
        return self.accounts.get_by_role("row").filter(has_text=kind).filter(has_text=number)
