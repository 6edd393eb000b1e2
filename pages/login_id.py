"""S-ID ログインID取得 (P6)."""

from pages.screen import Screen, button, field


class LoginIdPage(Screen):
    """ログインID取得 (S-ID): the login ID twice, then ID登録実行."""

    SCREEN = "S-ID"
    TITLE = "ログインID取得"
    URL = "/netbank/login-id"

    login_id = field("ログインID")
    login_id_again = field("ログインID (確認用)")
    submit = button("ID登録実行", exact=False)

    def register(self, login_id: str, again: str) -> None:
        """Type the login ID and its confirmation, then tap ID登録実行."""
        self.login_id.fill(login_id)
        self.login_id_again.fill(again)
        self.submit.click()
