"""S-LOGIN1 初回ログイン (P7) and S-LOGIN ログイン (P17): one screen, told apart by its 画面ID."""

from playwright.sync_api import Page

from pages.screen import Screen


class LoginPage(Screen):
    """ログイン: login ID and login password (and on S-LOGIN the app's ワンタイムパスワード), then ログイン."""

    TITLE = "ログイン"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.login_id = page.get_by_label("ログインID", exact=True)
        self.password = page.get_by_label("ログインパスワード", exact=True)
        self.otp = page.get_by_label("ワンタイムパスワード", exact=True)  # S-LOGIN only (P17)
        self.submit = page.get_by_role("button", name="ログイン", exact=True)
        self.forgot_id = page.get_by_role("link", name="ログインIDをお忘れの方")

    def open_first_login(self) -> None:
        self.page.goto("/netbank/first-login")

    def open(self) -> None:
        self.page.goto("/netbank/login")

    def log_in(self, login_id: str, password: str, otp: str | None = None) -> None:
        """Fill in the login ID and password (and the one-time password, if given) and tap ログイン."""
        self.login_id.fill(login_id)
        self.password.fill(password)
        if otp is not None:
            self.otp.fill(otp)
        self.submit.click()
