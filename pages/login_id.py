"""S-ID ログインID取得 and S-ID-DONE ログインID取得完了 (P6)."""

from playwright.sync_api import Page

from pages.screen import Screen


class LoginIdPage(Screen):
    """ログインID取得 (S-ID): the login ID twice, then ID登録実行."""

    TITLE = "ログインID取得"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.login_id = page.get_by_label("ログインID", exact=True)
        self.login_id_again = page.get_by_label("ログインID (確認用)", exact=True)
        self.submit = page.get_by_role("button", name="ID登録実行")

    def open(self) -> None:
        self.page.goto("/netbank/login-id")

    def register(self, login_id: str, again: str) -> None:
        self.login_id.fill(login_id)
        self.login_id_again.fill(again)
        self.submit.click()


class LoginIdDonePage(Screen):
    """ログインID取得完了 (S-ID-DONE): the masked ID, 注意事項, 確認しました。 and 初回ログイン."""

    TITLE = "ログインID取得"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.done = page.get_by_role("status").filter(has_text="ログインIDの取得が完了いたしました。")
        self.masked_id = page.locator("dl.summary dd")
        self.everything = page.locator("body")
        self.acknowledge = page.get_by_label("確認しました。")
        self.first_login = page.get_by_role("button", name="初回ログイン")

    def open(self) -> None:
        self.page.goto("/netbank/login-id/done")

    def go_to_first_login(self, acknowledged: bool) -> None:
        if acknowledged:
            self.acknowledge.check()
        self.first_login.click()
