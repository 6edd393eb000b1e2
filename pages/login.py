"""S-LOGIN ログイン (P17): the login of a customer who uses the ワンタイムPW app."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.first_login import FirstLoginPage
from pages.screen import field, link


class LoginPage(FirstLoginPage):
    """ログイン (S-LOGIN): login ID, login password and the app's ワンタイムパスワード, then ログイン."""

    SCREEN = "S-LOGIN"
    URL = "/netbank/login"
    # R-LOGIN-MATCH: the bank never says which entry was wrong, a one-time password's included.
    MISMATCH = "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。"

    otp = field("ワンタイムパスワード")
    biometric = link("生体認証でログイン")  # R-BIO-LOGIN (P19): switches to 生体認証ログイン on a smartphone

    def log_in(self, login_id: str, password: str, otp: str | None = None) -> None:
        """Fill in the login ID and password (and the one-time password, if given) and tap ログイン."""
        self.login_id.fill(login_id)
        self.password.fill(password)
        if otp is not None:
            self.otp.fill(otp)
        self.submit.click()

    def log_in_refused(self, times: int, login_id: str, password: str, otp: str | None = None) -> None:
        """Log in `times` times over with what the bank refuses, each refusal (R-LOGIN-MATCH) shown before the next try."""
        for _ in range(times):
            self.log_in(login_id, password, otp)
            self.expect_refused()

    def expect_logged_out(self) -> None:
        """Back on ログイン, told that another device logged in (R-ONE-SESSION)."""
        self.expect_shown()
        expect(self.notice).to_contain_text("別の端末でログインされた")

    def expect_refused(self) -> None:
        """The bank refused the login, without saying which entry was wrong (R-LOGIN-MATCH)."""
        expect(self.alert).to_have_text(self.MISMATCH)

    def switch_to_biometric(self) -> None:
        """「生体認証でログイン」: the screen switches to 生体認証ログイン (P19)."""
        self.biometric.click()

    def expect_fields(self) -> None:
        """S-LOGIN (P17) asks for ログインID, ログインパスワード and ワンタイムパスワード."""
        self.expect_shown()
        for entry in (self.login_id, self.password, self.otp):
            expect(entry).to_be_editable()
