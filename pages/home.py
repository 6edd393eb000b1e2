"""S-HOME つないでネ！ット トップページ (P7, P17)."""

from playwright.sync_api import expect

from pages.screen import Find, Screen, button, css

COLUMNS = ("店名", "科目", "口座番号", "残高", "振込・振替限度額")  # 口座一覧


class HomePage(Screen):
    """The logged-in top page (S-HOME): who is logged in, 前回ログイン日時, their accounts, balances and limits."""

    SCREEN = "S-HOME"
    TITLE = "つないでネ！ット"
    URL = "/netbank/home"

    customer_name = css(".customer-name")
    previous_login = css("dd.previous-login")
    accounts = Find(lambda page: page.get_by_role("table"))
    log_out_button = button("ログアウト", exact=False)

    def account_row(self, kind: str, number: str):
        """The row of one account in 口座一覧."""
        return self.accounts.get_by_role("row").filter(has_text=kind).filter(has_text=number)

    def cell(self, kind: str, number: str, column: str):
        """One account's cell under a column of 口座一覧 (店名, 科目, 口座番号, 残高, 振込・振替限度額)."""
        return self.account_row(kind, number).get_by_role("cell").nth(COLUMNS.index(column))

    def button_named(self, name: str):
        """A button of the top page, by its words."""
        return self.page.get_by_role("button", name=name, exact=True)

    def expect_customer(self, name: str, account: tuple[str, str] | None = None) -> None:
        """The top page of the customer called `name` (with this account, 科目 and 口座番号, in 口座一覧)."""
        self.expect_shown()
        expect(self.customer_name).to_have_text(name)
        if account:
            expect(self.account_row(*account)).to_be_visible()

    def expect_accounts(self, accounts: list[dict], held: list[dict]) -> None:
        """口座一覧: each account's 店名, 科目, 口座番号, 残高, and 振込・振替限度額 as the bank holds it (`held`)."""
        limits = {account["number"]: account["transfer_limit"] for account in held}
        for account in accounts:
            kind, number = account["kind"], account["number"]
            shown = (account["branch_name"], kind, number, f"{account['balance']:,}円", f"{limits[number]}万円")
            for column, text in zip(COLUMNS, shown, strict=True):
                expect(self.cell(kind, number, column)).to_have_text(text)

    def log_out(self) -> None:
        """Tap ログアウト and wait until the customer is logged out."""
        self.log_out_button.click()
        expect(self.log_out_button).to_be_hidden()
