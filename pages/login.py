"""S-LOGIN1 初回ログイン (P7) and S-LOGIN ログイン (P17)."""
from playwright.sync_api import Page


class LoginPage:
    """ログイン: login ID and login password, then ログイン."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="ログイン", level=1, exact=True)
        self.login_id = page.get_by_label("ログインID", exact=True)
        self.password = page.get_by_label("ログインパスワード", exact=True)
        self.submit = page.get_by_role("button", name="ログイン", exact=True)
        self.forgot_id = page.get_by_role("link", name="ログインIDをお忘れの方")

    def open_first_login(self) -> None:
        self.page.goto("/netbank/first-login")

    def open(self) -> None:
        self.page.goto("/netbank/login")

    def log_in(self, login_id: str, password: str) -> None:
        self.login_id.fill(login_id)
        self.password.fill(password)
        self.submit.click()
