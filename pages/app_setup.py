"""A-SETUP 初期設定 (P15): サービスID, ユーザID, 利用開始パスワード, the anti-copy notice, consent, 送信."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.app_screen import AppScreen
from pages.screen import Find, button, field


class AppSetupPage(AppScreen):
    """初期設定: the token's values from the token mail, the caution against copying the app's data, and consent."""

    SCREEN = "A-SETUP"
    TITLE = "初期設定"
    URL = "/app/setup"
    CAUTION = (  # the manual's notice (P15), shown above the consent
        "本アプリはアプリデータの搾取・複製を防止するため、他端末へのアプリデータ引き継ぎを防止する機能を導入しております。",
        "機種変更時・アプリ削除時は事前にご利用のサービスで手続きを行ってください。",
    )

    service_id = field("サービスID:")
    user_id = field("ユーザID:")
    start_password = field("利用開始パスワード:")
    caution = Find(lambda page: page.get_by_role("note"))
    consent = field("上記の内容に同意する。")
    send = button("送信")

    def set_up(self, service_id: str, user_id: str, start_password: str, agree: bool = True) -> None:
        """Type the token's values (and tick consent, unless not), then 送信."""
        self.service_id.fill(service_id)
        self.user_id.fill(user_id)
        self.start_password.fill(start_password)
        if agree:
            self.consent.check()
        self.send.click()

    def set_up_refused(self, times: int, service_id: str, user_id: str, start_password: str) -> None:
        """Send the same refused values `times` times, each time until the app says why (R-APP-SETUP's lock counts them)."""
        for _ in range(times):
            self.set_up(service_id, user_id, start_password)
            expect(self.alert).to_be_visible()

    def expect_holding(self, count: int) -> None:
        """初期設定 is still shown (a token it did not keep, R-APP-10), and the app holds `count` tokens."""
        self.expect_shown()
        assert self.tokens_held() == count, f"the app holds {self.tokens_held()} tokens, not {count}"

    def expect_caution(self) -> None:
        """The anti-copy notice in the manual's words, and the consent not yet ticked."""
        for sentence in self.CAUTION:
            expect(self.caution).to_contain_text(sentence)
        expect(self.consent).not_to_be_checked()
