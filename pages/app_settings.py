"""A-MENU 設定 (P15, P16): トークン選択 among the tokens the app holds, and トークン追加."""

from __future__ import annotations

from pages.app_screen import AppScreen
from pages.screen import button, link

# What the app keeps for a token of つないでネ！ット (P16, P17): the name it proposes and where its ログイン leads.
BANK_NAME = "青森みちのく銀行"
LOGIN_URL = "/netbank/login"
ISSUER = "otp-auth.net"


class AppSettingsPage(AppScreen):
    """設定: a radio button per token held, 選択, and トークン追加 (to 初期設定 for another contract)."""

    SCREEN = "A-MENU"
    TITLE = "設定"
    URL = "/app/settings"

    choose = button("選択")
    add = link("トークン追加")

    def keep(self, *tokens: dict) -> list[dict]:
        """Put tokens in the app's storage on this phone through the app's own code, as the app keeps one."""
        self.open()
        for token in tokens:
            assert self.page.evaluate("token => window.mockbankApp.addToken(token)", token), "the app is full"
        return list(tokens)

    @staticmethod
    def ours(otp: dict) -> dict:
        """The app's record of a つないでネ！ット token set up from a persona's `otp` (seed, サービスID, ユーザID)."""
        return {**otp, "issuer": ISSUER, "name": BANK_NAME, "login_url": LOGIN_URL}

    def token(self, label: str):
        """The radio button of one token, by its display name (and 追加文言)."""
        return self.page.get_by_role("radio", name=label, exact=True)

    def select(self, label: str) -> None:
        """トークン選択: open 設定, choose the token and go back to its ワンタイムパスワード."""
        self.open()
        self.token(label).check()
        self.choose.click()

    def add_token(self) -> None:
        """トークン追加: open 設定 and go on to 初期設定 for another token."""
        self.open()
        self.add.click()
