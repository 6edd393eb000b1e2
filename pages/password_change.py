"""S-PW パスワード変更 (P9)."""

from pages.screen import Screen, button, field


class PasswordChangePage(Screen):
    """パスワード変更 (S-PW): new login password twice, new confirm password twice, 変更を確定する or 中止する."""

    SCREEN = "S-PW"
    TITLE = "パスワード変更"
    URL = "/netbank/password"

    login_pw = field("新しいログインパスワード")
    login_pw_again = field("新しいログインパスワード（確認用）")
    confirm_pw = field("新しい確認用パスワード")
    confirm_pw_again = field("新しい確認用パスワード（確認用）")
    change_button = button("変更を確定する", exact=False)
    cancel_button = button("中止する", exact=False)

    def fill(self, login_pw: str, login_again: str, confirm_pw: str, confirm_again: str) -> None:
        self.login_pw.fill(login_pw)
        self.login_pw_again.fill(login_again)
        self.confirm_pw.fill(confirm_pw)
        self.confirm_pw_again.fill(confirm_again)

    def change(self, login_pw: str, login_again: str, confirm_pw: str, confirm_again: str) -> None:
        """Type both new passwords twice and tap 変更を確定する."""
        self.fill(login_pw, login_again, confirm_pw, confirm_again)
        self.change_button.click()

    def cancel(self, login_pw: str, login_again: str, confirm_pw: str, confirm_again: str) -> None:
        """Type the new passwords, then tap 中止する (R-CANCEL)."""
        self.fill(login_pw, login_again, confirm_pw, confirm_again)
        self.cancel_button.click()
