"""S-TOKEN トークン発行 (P13): the token the issuer gave, where its mail goes, and the app's download."""

from playwright.sync_api import expect

from pages.screen import Find, Screen, css, link


class TokenIssuePage(Screen):
    """トークン発行 (S-TOKEN, h1 ワンタイムパスワード利用申請): 送付先メールアドレス, サービスID / ユーザID, アプリダウンロード."""

    SCREEN = "S-TOKEN"
    TITLE = "ワンタイムパスワード利用申請"
    URL = "/netbank/otp-application/token"

    issued = Find(lambda page: page.get_by_text("下記内容でトークン発行を受けました。"))
    mail = css("dd.mail")
    download = link("アプリダウンロード", exact=False)

    def token_info(self, name: str):
        """One line of トークン情報, by its name (サービスID, ユーザID)."""
        row = self.page.get_by_role("row").filter(has=self.page.get_by_role("rowheader", name=name, exact=True))
        return row.get_by_role("cell")

    def download_address(self) -> str:
        return self.download.evaluate("link => link.href")

    def expect_issued(self) -> None:
        """The screen has come (by itself, after the call) and says the token was issued."""
        self.expect_shown()
        expect(self.issued).to_be_visible()

    def expect_token(self, mail: str) -> dict:
        """The issued token, where its mail went, and アプリダウンロード: returns what the screen gives the customer."""
        self.expect_shown()
        expect(self.mail).to_have_text(mail)
        expect(self.download).to_be_visible()
        return {
            "service_id": self.token_info("サービスID").inner_text().strip(),
            "user_id": self.token_info("ユーザID").inner_text().strip(),
            "download": self.download_address(),
        }
