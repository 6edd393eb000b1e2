"""S-MAILPW メール通知パスワード入力 (§1, R-MAILPW): a PC login's second step."""

import re

from playwright.sync_api import expect

from pages.screen import Screen, button, css, field


class MailPasswordPage(Screen):
    """メール通知パスワード入力 (S-MAILPW): where the password went (masked), the password, then ログイン."""

    SCREEN = "S-MAILPW"
    TITLE = "メール通知パスワード入力"
    URL = "/netbank/login/mail-password"

    sent_to = css(".masked-mail")
    password = field("メール通知パスワード")
    submit = button("ログイン")

    def enter(self, password: str) -> None:
        """Type the メール通知パスワード and tap ログイン."""
        self.password.fill(password)
        self.submit.click()

    def expect_sent_to_masked(self, mail: str) -> None:
        """Where the password went, masked (a***@domain), the whole address nowhere on the screen."""
        local, domain = mail.split("@")
        expect(self.sent_to).to_have_text(re.compile(rf"^{re.escape(local[:1])}[^@]?\*\*\*@{re.escape(domain)}$"))
        expect(self.main).not_to_contain_text(mail)
