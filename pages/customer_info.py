"""SID001 お客様情報入力 (P5)."""

from playwright.sync_api import expect

from pages.screen import SHOWN_MS, Find, Screen, button, field, link


class CustomerInfoPage(Screen):
    """お客様情報入力 (SID001): representative account and (temp or latest) passwords, 次へ or 登録を中止する."""

    SCREEN = "SID001"
    TITLE = "お客様情報入力"
    URL = "/netbank/customer-info"

    branch = field("店番")
    kind = Find(lambda page: page.get_by_label("科目"))
    account = field("口座番号")
    login_pw = field("(仮) ログインパスワード")
    confirm_pw = field("(仮) 確認用パスワード")
    next_button = button("次へ", exact=False)
    cancel_button = button("登録を中止する", exact=False)
    branch_help = link("こちら", exact=False)

    def expect_shown(self, timeout: float = SHOWN_MS) -> None:
        """SID001 is shown, with the 画面ID the manual prints on it (the only screen that shows one)."""
        super().expect_shown(timeout)
        self.expect_screen_id()

    def expect_screen_id(self) -> None:
        """画面ID : SID001 at the foot of the screen, as the manual shows it (P5)."""
        expect(self.screen_id).to_have_text(f"画面ID : {self.SCREEN}")

    def fill(self, branch: str, account: str, login_pw: str, confirm_pw: str) -> None:
        self.branch.fill(branch)
        self.kind.select_option("普通")
        self.account.fill(account)
        self.login_pw.fill(login_pw)
        self.confirm_pw.fill(confirm_pw)

    def submit(self, branch: str, account: str, login_pw: str, confirm_pw: str) -> None:
        """Fill the form and tap 次へ."""
        self.fill(branch, account, login_pw, confirm_pw)
        self.next_button.click()

    def submit_refused(self, times: int, **typed: str) -> None:
        """Tap 次へ `times` times over with what the bank refuses, each refusal shown before the next try."""
        for _ in range(times):
            self.submit(**typed)
            expect(self.alert).to_be_visible()

    def cancel(self, **typed: str) -> None:
        """Fill the form, then tap 登録を中止する (R-CANCEL)."""
        self.fill(**typed)
        self.cancel_button.click()
