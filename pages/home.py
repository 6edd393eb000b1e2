"""S-HOME つないでネ！ット トップページ (P7, P17)."""

from playwright.sync_api import Page

from pages.screen import Screen


class HomePage(Screen):
    """The logged-in top page (S-HOME): who is logged in, 前回ログイン日時, their accounts, balances and limits."""

    TITLE = "つないでネ！ット"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.customer_name = page.locator(".customer-name")
        self.previous_login = page.locator("dd.previous-login")
        self.accounts = page.get_by_role("table")
        self.log_out_button = page.get_by_role("button", name="ログアウト")

    def open(self) -> None:
        """Open the top page directly, as from a bookmark."""
        self.page.goto("/netbank/home")

    def account_row(self, kind: str, number: str):
        """The row of one account in 口座一覧."""
        return self.accounts.get_by_role("row").filter(has_text=kind).filter(has_text=number)

    def column(self, name: str):
        """A column heading of 口座一覧."""
        return self.accounts.get_by_role("columnheader", name=name, exact=True)

    def cell(self, kind: str, number: str, column: str):
        """One account's cell under a column of 口座一覧 (店名, 科目, 口座番号, 残高, 振込・振替限度額)."""
        headings = ["店名", "科目", "口座番号", "残高", "振込・振替限度額"]
        return self.account_row(kind, number).get_by_role("cell").nth(headings.index(column))
