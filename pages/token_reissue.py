"""S-REISSUE トークン再発行 (P20): S-OTPAPP's entries under the manual's headings, without the 確認用パスワード."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.otp_application import OtpApplicationPage
from pages.screen import button, field


class TokenReissuePage(OtpApplicationPage):
    """トークン再発行: ■送付先メールアドレスの指定, 利用開始パスワード ×2, ■ご登録電話番号の指定; 電話番号認証を行う or 申込を中止する."""

    SCREEN = "S-REISSUE"
    TITLE = "トークン再発行"
    URL = "/netbank/token-reissue/application"
    INTRO = "トークンを再発行します。送付先メールアドレス、利用開始パスワードを入力し「電話番号認証を行う」ボタンを押してください。"
    HEADINGS = ("■送付先メールアドレスの指定", "■ご登録電話番号の指定")

    mail = field("携帯電話メールアドレス")
    mail_again = field("携帯電話メールアドレス (確認用)")
    cancel_button = button("申込を中止する")

    def apply(self) -> None:
        """Tap 電話番号認証を行う (no 確認用パスワード on S-REISSUE); wait until the screen it leads to has loaded."""
        self.phone_check_button.click()
        self.page.wait_for_load_state()

    def expect_manual_words(self) -> None:
        """The intro, the two domains and the headings of P20."""
        self.expect_shown()
        expect(self.main).to_contain_text(self.INTRO)
        for words in (*self.HEADINGS, "otp-auth.net", "am-bk.co.jp"):
            expect(self.main).to_contain_text(words)
        expect(self.page.get_by_label("確認用パスワード", exact=True)).to_have_count(0)
