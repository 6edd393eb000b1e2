"""S-MAILPW メール通知パスワード入力 (§1, R-MAILPW): a PC login's second step."""

from playwright.sync_api import Page

from pages.screen import Screen


class MailPasswordPage(Screen):
    """メール通知パスワード入力: where the password went (masked), the password, then ログイン."""

    TITLE = "メール通知パスワード入力"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.sent_to = page.locator(".masked-mail")
        self.password = page.get_by_label("メール通知パスワード", exact=True)
        self.submit = page.get_by_role("button", name="ログイン", exact=True)

    def enter(self, password: str) -> None:
        """Type the メール通知パスワード and tap ログイン."""
        self.password.fill(password)
        self.submit.click()
