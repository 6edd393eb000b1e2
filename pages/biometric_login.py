"""S-BIO-LOGIN 生体認証ログイン (P19): 「生体認証でログイン」 logs in with the phone's biometric, no ID or password."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.biometric_setting import CEREMONY_MS
from pages.screen import Screen, button, link


class BiometricLoginPage(Screen):
    """生体認証ログイン (S-BIO-LOGIN): 「生体認証でログイン」; refused, the customer stays logged out here."""

    SCREEN = "S-BIO-LOGIN"
    TITLE = "生体認証ログイン"
    URL = "/netbank/biometric/login"
    FAILED = "生体認証でログインできませんでした。"
    REGISTERED = "生体認証の登録が完了しました。"

    start = button("生体認証でログイン")
    with_password = link("ログインID・ログインパスワードでログイン")

    def log_in(self) -> None:
        """Tap 「生体認証でログイン」: the phone's prompt answers as the phone is set to, and the bank's answer loads."""
        self.expect_shown()
        expect(self.start).to_be_enabled()
        with self.page.expect_navigation(timeout=CEREMONY_MS):
            self.start.click()

    def expect_registered(self) -> None:
        """After 登録 (P18 → P19): this screen, saying the biometric is registered."""
        self.expect_shown()
        expect(self.notice).to_contain_text(self.REGISTERED)

    def expect_refused(self, message: str = FAILED) -> None:
        """Still on 生体認証ログイン with the bank's message: not logged in."""
        self.expect_shown()
        expect(self.alert).to_contain_text(message)
