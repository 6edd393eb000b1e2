"""S-REISSUE-AUTH トークン再発行：認証方法選択 (P20), and the bank's 「つないでネ！ット よくあるご質問」 that leads to it."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.screen import Screen, button, field, link


class TokenReissueAuthPage(Screen):
    """認証方法選択: 「ログインIDを入力する」, then ログインID and ログインパスワード, 次へ (P20)."""

    SCREEN = "S-REISSUE-AUTH"
    TITLE = "トークン再発行"
    URL = "/netbank/token-reissue"
    MISMATCH = "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。"  # R-LOGIN-MATCH

    by_login_id = link("ログインIDを入力する")
    login_id = field("ログインID")
    password = field("ログインパスワード")
    next_button = button("次へ")
    cancel_button = button("中止する")

    def authenticate(self, login_id: str, password: str) -> None:
        """「ログインIDを入力する」 on 認証方法選択, then the ID and password, 次へ."""
        self.expect_shown()
        self.by_login_id.click()
        self.expect_shown()
        self.login_id.fill(login_id)
        self.password.fill(password)
        self.next_button.click()

    def authenticate_again(self, login_id: str, password: str) -> None:
        """After a refusal, on the same screen: the ID and password again, 次へ."""
        self.login_id.fill(login_id)
        self.password.fill(password)
        self.next_button.click()

    def expect_choice(self) -> None:
        """認証方法選択: the screen, with 「ログインIDを入力する」 to choose."""
        self.expect_shown()
        expect(self.by_login_id).to_be_visible()

    def expect_refused(self, message: str = MISMATCH) -> None:
        """Still on S-REISSUE-AUTH with the bank's message, never saying which entry was wrong."""
        self.expect_shown()
        expect(self.alert).to_have_text(message)

    def expect_told(self, message: str) -> None:
        """Still on S-REISSUE-AUTH, the bank's message beginning with `message` (the lock's names whom to call)."""
        self.expect_shown()
        expect(self.alert).to_contain_text(message)


class FaqPage(Screen):
    """「つないでネ！ット よくあるご質問」 (the bank's HP): no screen of the catalogue; 「トークン再発行のお申込み」."""

    TITLE = "つないでネ！ット よくあるご質問"
    URL = "/netbank/faq"

    reissue = link("トークン再発行のお申込み")

    def apply_for_reissue(self) -> None:
        self.reissue.click()
