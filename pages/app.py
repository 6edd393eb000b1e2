"""The ワンタイムPW app on a phone (P14–P17): A-DL store page, A-SETUP, A-DONE, A-NAME, A-OTP and its 設定."""

from __future__ import annotations

from playwright.sync_api import Page

from mockbank.app.setup import BANK_NAME, LOGIN_URL
from pages.screen import Screen


class StorePage(Screen):
    """A-DL (P14): the app's page in App Store or Google Play; 入手 / インストール starts it."""

    TITLE = "ワンタイムPW"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.store = page.locator("header.brand .bank")
        self.get = page.get_by_role("link", name="入手", exact=True).or_(
            page.get_by_role("link", name="インストール", exact=True)
        )


class AppScreen(Screen):
    """Any screen of the app: its header's ヘルプ and 設定."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.settings_link = page.get_by_role("link", name="設定", exact=True)
        self.help_link = page.get_by_role("link", name="ヘルプ", exact=True)

    def launch(self) -> None:
        """Start the app from the phone's app list (「ワンタイムPW」を起動)."""
        self.page.goto("/app/")

    def tokens_held(self) -> int:
        """How many tokens the app holds in the phone's storage."""
        return self.page.evaluate("() => window.mockbankApp.tokens().length")


class SetupPage(AppScreen):
    """初期設定 (A-SETUP, P15): サービスID, ユーザID, 利用開始パスワード, the anti-copy notice, consent, 送信."""

    TITLE = "初期設定"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.service_id = page.get_by_label("サービスID:")
        self.user_id = page.get_by_label("ユーザID:")
        self.start_password = page.get_by_label("利用開始パスワード:")
        self.caution = page.get_by_role("note")
        self.consent = page.get_by_label("上記の内容に同意する。")
        self.send = page.get_by_role("button", name="送信", exact=True)

    def open(self) -> None:
        self.page.goto("/app/setup")

    def set_up(self, service_id: str, user_id: str, start_password: str, agree: bool = True) -> None:
        """Type the token's values (and tick consent, unless not), then 送信."""
        self.service_id.fill(service_id)
        self.user_id.fill(user_id)
        self.start_password.fill(start_password)
        if agree:
            self.consent.check()
        self.send.click()


class SetupDonePage(AppScreen):
    """初期設定完了 (A-DONE, P15): the JST and 60-second notices, 次へ."""

    TITLE = "初期設定完了"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.next = page.get_by_role("link", name="次へ", exact=True)


class TokenNamePage(AppScreen):
    """トークン表示名設定 (A-NAME, P16): トークン表示名 and 追加文言, 登録."""

    TITLE = "トークン表示名設定"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.name = page.get_by_label("トークン表示名")
        self.extra = page.get_by_label("追加文言")
        self.register = page.get_by_role("button", name="登録", exact=True)

    def name_token(self, name: str | None = None, extra: str = "") -> None:
        """Keep (or replace) the proposed display name, add 追加文言, then 登録."""
        if name is not None:
            self.name.fill(name)
        self.extra.fill(extra)
        self.register.click()


class OtpPage(AppScreen):
    """ワンタイムパスワード (A-OTP, P16–P17): the chosen token's name and code, the countdown, ログイン, 生体認証."""

    TITLE = "ワンタイムパスワード"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.token_name = page.locator(".token-name")
        self.code = page.locator("output#code")
        self.remaining = page.locator("#remaining")
        self.login = page.get_by_role("link", name="ログイン", exact=True)
        self.biometric = page.get_by_role("button", name="生体認証")
        self.copied = page.get_by_role("alert")

    def tap_login(self, browser: Page) -> str:
        """ログイン: the bank's ログイン opens in the phone's browser with the code shown at the tap, which is returned."""
        shown, address = self.page.evaluate(
            "() => [document.querySelector('output#code').textContent, document.getElementById('login').href]"
        )  # read together: a tick between the two would pair one minute's code with the next minute's link
        assert address.endswith(f"#otp={shown}"), f"the link carries the code shown: {address} vs {shown}"
        browser.goto(address)
        return shown


class SettingsPage(AppScreen):
    """設定 (P15, P16): トークン選択 among the tokens held, and トークン追加."""

    TITLE = "設定"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.choose = page.get_by_role("button", name="選択", exact=True)
        self.add = page.get_by_role("link", name="トークン追加", exact=True)

    def open(self) -> None:
        self.page.goto("/app/settings")

    def keep(self, token: dict) -> None:
        """Put a token in the app's storage on this phone through the app's own code, as the app keeps one."""
        self.open()
        assert self.page.evaluate("token => window.mockbankApp.addToken(token)", token), "the app is full"

    @staticmethod
    def ours(otp: dict) -> dict:
        """The app's record of a つないでネ！ット token set up from a persona's `otp` (seed, サービスID, ユーザID)."""
        return {**otp, "issuer": "otp-auth.net", "name": BANK_NAME, "login_url": LOGIN_URL}

    def token(self, label: str):
        """The radio button of one token, by its display name (and 追加文言)."""
        return self.page.get_by_role("radio", name=label, exact=True)

    def select(self, label: str) -> None:
        """トークン選択: choose the token and go back to its ワンタイムパスワード."""
        self.token(label).check()
        self.choose.click()
