"""S-BIO-SET 生体認証利用設定 (P18): the phone's biometric first, then ログインID and ログインパスワード, 登録."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.screen import Screen, button, css, field

# How long the phone's prompt may take to end: at once when the face or finger answers, the options' timeout when
# nothing answers (a few seconds on the suite's own bank, a minute on a deployed one).
CEREMONY_MS = 75_000


class BiometricSettingPage(Screen):
    """生体認証利用設定 (S-BIO-SET): 「生体認証を行う」 asks the phone; when it succeeds, ID, password and 登録."""

    SCREEN = "S-BIO-SET"
    TITLE = "生体認証利用設定"
    URL = "/netbank/biometric/setting"
    NOT_ON_DEVICE = "生体認証は、生体認証機能があるスマートフォンをご利用の場合のみご利用いただけます。"
    UNKNOWN_DEVICE = (
        "この端末では生体認証の登録はできません。この端末でつないでネ！ットにログインしてから、もう一度お試しください。"
    )
    FAILED = "生体認証が完了しなかったため、生体認証の登録はできませんでした。もう一度お試しください。"

    start = button("生体認証を行う")
    login_id = field("ログインID")
    password = field("ログインパスワード")
    register_button = button("登録")
    names = css(".biometric-names")

    def use_biometric(self) -> None:
        """Tap 「生体認証を行う」: the phone's prompt answers as the phone is set to, and the bank's answer loads."""
        expect(self.start).to_be_enabled()
        with self.page.expect_navigation(timeout=CEREMONY_MS):
            self.start.click()

    def expect_asks_id_and_password(self) -> None:
        """The prompt succeeded: the screen asks ログインID and ログインパスワード, with 登録."""
        self.expect_shown()
        expect(self.login_id).to_be_editable()
        expect(self.password).to_be_editable()
        expect(self.register_button).to_be_visible()

    def register(self, login_id: str, password: str) -> None:
        """Type the login ID and password and tap 登録."""
        self.login_id.fill(login_id)
        self.password.fill(password)
        self.register_button.click()

    def set_up(self, login_id: str, password: str) -> None:
        """The whole setting from its first screen: the phone's biometric, then ID, password and 登録."""
        self.open()
        self.use_biometric()
        self.expect_asks_id_and_password()
        self.register(login_id, password)

    def expect_failed(self, message: str = FAILED) -> None:
        """Back on the prompt with the bank's message: nothing is registered."""
        self.expect_shown()
        expect(self.alert).to_contain_text(message)
        expect(self.login_id).to_have_count(0)

    def expect_refused(self, message: str) -> None:
        """Still on 生体認証利用設定 with the bank's message: nothing is registered."""
        self.expect_shown()
        expect(self.alert).to_contain_text(message)

    def expect_names(self, kind: str) -> None:
        """The screen names the phone's biometric as the phone does (Face ID or Touch ID on iPhone, 指紋認証 on Android)."""
        expect(self.names).to_contain_text(kind)

    def expect_not_offered(self) -> None:
        """R-BIO-DEVICE: a device without biometrics is told so and gets no prompt."""
        self.expect_shown()
        expect(self.alert).to_contain_text(self.NOT_ON_DEVICE)
        expect(self.start).to_have_count(0)
