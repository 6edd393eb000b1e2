"""SID001 お客様情報入力 (P5), and S-BRANCHES 店番一覧 where its 店番 help link leads."""

from playwright.sync_api import Page

from pages.screen import Screen


class CustomerInfoPage(Screen):
    """お客様情報入力 (SID001): representative account and (temp or latest) passwords."""

    TITLE = "お客様情報入力"
    FIELDS = ("店番", "口座番号", "(仮) ログインパスワード", "(仮) 確認用パスワード")

    def __init__(self, page: Page) -> None:
        super().__init__(page)
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
        for label, value in zip(self.FIELDS, (branch, account, login_pw, confirm_pw), strict=False):
            self.field(label).fill(value)
        self.kind.select_option("普通")

    def submit(self, branch: str, account: str, login_pw: str, confirm_pw: str) -> None:
        """Fill the form and tap 次へ."""
        self.fill(branch, account, login_pw, confirm_pw)
        self.next_button.click()

    def cancel(self) -> None:
        """Tap 登録を中止する (R-CANCEL)."""
        self.cancel_button.click()


class BranchesPage(Screen):
    """店番一覧 (S-BRANCHES, P5): every branch's 店番 and name."""

    TITLE = "店番一覧"

    def branch(self, code: str, name: str):
        """The row of one branch."""
        return self.page.get_by_role("row").filter(has_text=code).filter(has_text=name)
