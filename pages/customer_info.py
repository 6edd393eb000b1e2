"""SID001 お客様情報入力 (P5)."""
from playwright.sync_api import Page


class CustomerInfoPage:
    """お客様情報入力: representative account and (temp or latest) passwords."""

    FIELDS = ("店番", "口座番号", "(仮) ログインパスワード", "(仮) 確認用パスワード")

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="お客様情報入力", level=1)
        self.kind = page.get_by_label("科目")
        self.next_button = page.get_by_role("button", name="次へ")
        self.cancel_button = page.get_by_role("button", name="登録を中止する")
        self.branch_help = page.get_by_role("link", name="こちら")

    def open(self) -> None:
        self.page.goto("/netbank/customer-info")

    def field(self, label: str):
        """An input by its label as the manual writes it."""
        return self.page.get_by_label(label, exact=True)

    def fill(self, branch: str, account: str, login_pw: str, confirm_pw: str) -> None:
        for label, value in zip(self.FIELDS, (branch, account, login_pw, confirm_pw)):
            self.field(label).fill(value)
        self.kind.select_option("普通")

    def submit(self, branch: str, account: str, login_pw: str, confirm_pw: str) -> None:
        """Fill the form and tap 次へ."""
        self.fill(branch, account, login_pw, confirm_pw)
        self.next_button.click()

    def cancel(self) -> None:
        """Tap 登録を中止する (R-CANCEL)."""
        self.cancel_button.click()
