"""S-HOME つないでネ！ット トップページ (P7, P17)."""
from playwright.sync_api import Page


class HomePage:
    """The logged-in top page: who is logged in and their accounts."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="つないでネ！ット", level=1)
        self.customer_name = page.locator(".customer-name")
        self.accounts = page.get_by_role("table")
        self.log_out_button = page.get_by_role("button", name="ログアウト")

    def account_row(self, kind: str, number: str):
        """The row of one account in 口座一覧."""
        return self.accounts.get_by_role("row").filter(has_text=kind).filter(has_text=number)
