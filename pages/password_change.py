"""S-PW パスワード変更 (P9)."""

from playwright.sync_api import Page

from pages.screen import Screen


class PasswordChangePage(Screen):
    """パスワード変更 (S-PW): new login password twice, new confirm password twice, 変更を確定する or 中止する."""

    TITLE = "パスワード変更"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.login_pw = page.get_by_label("新しいログインパスワード", exact=True)
        self.login_pw_again = page.get_by_label("新しいログインパスワード（確認用）", exact=True)
        self.confirm_pw = page.get_by_label("新しい確認用パスワード", exact=True)
        self.confirm_pw_again = page.get_by_label("新しい確認用パスワード（確認用）", exact=True)
        self.change_button = page.get_by_role("button", name="変更を確定する")
        self.cancel_button = page.get_by_role("button", name="中止する")

    def open(self) -> None:
        self.page.goto("/netbank/password")

    def fill(self, login_pw: str, login_again: str, confirm_pw: str, confirm_again: str) -> None:
        self.login_pw.fill(login_pw)
        self.login_pw_again.fill(login_again)
        self.confirm_pw.fill(confirm_pw)
        self.confirm_pw_again.fill(confirm_again)

    def change(self, login_pw: str, login_again: str, confirm_pw: str, confirm_again: str) -> None:
        """Type both new passwords twice and tap 変更を確定する."""
        self.fill(login_pw, login_again, confirm_pw, confirm_again)
        self.change_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()
