"""S-LOGIN1 初回ログイン (P7)."""

from playwright.sync_api import expect

from pages.screen import Screen, button, field


class FirstLoginPage(Screen):
    """初回ログイン (S-LOGIN1): login ID and (temp or latest) login password, then ログイン."""

    SCREEN = "S-LOGIN1"
    TITLE = "ログイン"
    URL = "/netbank/first-login"

    login_id = field("ログインID")
    password = field("ログインパスワード")
    submit = button("ログイン")

    def log_in(self, login_id: str, password: str) -> None:
        """Fill in the login ID and password and tap ログイン."""
        self.login_id.fill(login_id)
        self.password.fill(password)
        self.submit.click()

    def log_in_refused(self, times: int, login_id: str, password: str) -> None:
        """Log in `times` times over with what the bank refuses, each refusal shown before the next try."""
        for _ in range(times):
            self.log_in(login_id, password)
            expect(self.alert).to_be_visible()
