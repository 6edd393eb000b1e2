"""A-OTP ワンタイムパスワード (P16–P17): the chosen token's name and code, the countdown, ログイン, 生体認証."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from pages.app_screen import AppScreen
from pages.login import LoginPage
from pages.screen import Screen, button, css, link

SIX_DIGITS = re.compile(r"^\d{6}$")
HAND_OVER = "#otp="  # how the app's ログイン hands its code to the bank's ログイン (R-LOGIN-FILL)


class AppOtpPage(AppScreen):
    """ワンタイムパスワード: what the app shows on start once it holds a token."""

    SCREEN = "A-OTP"
    TITLE = "ワンタイムパスワード"
    URL = AppScreen.START

    token_name = css(".token-name")
    code = css("output#code")
    remaining = css("#remaining")
    login = link("ログイン")
    biometric = button("生体認証")
    copied = css("#copied")  # the app's refusal when its data came from another phone (R-APP-BIND)
    revoked = css("#revoked")  # the app's word when its token was revoked by a reissue (R-REISSUE-OLD)

    def expect_token(self, label: str) -> None:
        """The screen shows the token `label` (表示名 and 追加文言), a six-digit code and the seconds it has left."""
        self.expect_shown()
        expect(self.token_name).to_have_text(label)
        expect(self.code).to_have_text(SIX_DIGITS)
        expect(self.remaining).to_have_text(re.compile(r"^\d{1,2}$"))

    def expect_code(self, codes: str | re.Pattern) -> None:
        """The code shown is `codes` (one code, or a pattern of the codes a check may meet)."""
        expect(self.code).to_have_text(codes)

    def expect_new_code(self, code: str, before: str | None) -> None:
        """R-OTP-60: the code shown is `code`, no longer the one shown `before`."""
        expect(self.code).to_have_text(code)
        expect(self.code).not_to_have_text(before or "")

    def expect_refused_copy(self, message: str) -> None:
        """R-APP-BIND: the app says `message` and shows no code (its data was copied from another phone)."""
        expect(self.copied).to_contain_text(message)
        expect(self.code).to_be_hidden()

    def expect_revoked(self, message: str) -> None:
        """R-REISSUE-OLD: the app says `message` (its token is no longer valid) and shows no code."""
        self.expect_shown()
        expect(self.revoked).to_contain_text(message)
        expect(self.code).to_be_hidden()

    def shown_code(self) -> str:
        """The code the app shows now (started first if it is not on this screen)."""
        if not self.is_shown():
            self.launch()
        expect(self.code).to_have_text(SIX_DIGITS)
        return self.code.text_content()

    def tap_login(self, login: LoginPage) -> str:
        """ログイン: the bank's ログイン opens in the phone's browser with the code shown at the tap, which is returned."""
        expect(self.code).to_have_text(SIX_DIGITS)
        shown, address = self.page.evaluate(
            "() => [document.querySelector('output#code').textContent, document.getElementById('login').href]"
        )  # read together: a tick between the two would pair one minute's code with the next minute's link
        assert address.endswith(f"{HAND_OVER}{shown}"), f"the link carries the code shown: {address} vs {shown}"
        login.page.goto(address)
        return shown

    def tap_biometric(self, setting: Screen) -> None:
        """生体認証 (P16): the bank's 生体認証利用設定 opens in the phone's browser (`setting`'s page), as ログイン does."""
        expect(self.biometric).to_be_enabled()
        setting.page.goto(self.biometric.get_attribute("data-href"))

    def expect_biometric_offered(self, offered: bool) -> None:
        """R-BIO-DEVICE (P16): 生体認証 works only on a phone with biometrics; the manual's note stands beside it."""
        expect(self.code).to_be_visible()
        expect(self.page.get_by_text("※生体認証機能があるスマートフォンをご利用の場合のみ。")).to_be_visible()
        if offered:
            expect(self.biometric).to_be_enabled()
        else:
            expect(self.biometric).to_be_disabled()

    @staticmethod
    def expect_handed_over(login: LoginPage, code: str) -> None:
        """The bank's ログイン holds the code the app handed over, which no longer stands in the address bar."""
        expect(login.otp).to_have_value(code)
        assert HAND_OVER not in login.page.url, "the code does not stay in the address bar"
