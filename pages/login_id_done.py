"""S-ID-DONE ログインID取得完了 (P6)."""

from playwright.sync_api import expect

from pages.screen import Find, Screen, button, css


class LoginIdDonePage(Screen):
    """ログインID取得完了 (S-ID-DONE): the masked ID, 注意事項, 確認しました。 and 初回ログイン."""

    SCREEN = "S-ID-DONE"
    TITLE = "ログインID取得"
    URL = "/netbank/login-id/done"

    done = Find(lambda page: page.get_by_role("status").filter(has_text="ログインIDの取得が完了いたしました。"))
    masked_id = css("dl.summary dd")
    everything = css("body")
    acknowledge = Find(lambda page: page.get_by_label("確認しました。"))
    first_login = button("初回ログイン", exact=False)

    def expect_done(self) -> None:
        """ログインIDの取得が完了いたしました。 on S-ID-DONE."""
        self.expect_shown()
        expect(self.done).to_be_visible()

    def expect_masked(self, masked: str, login_id: str) -> None:
        """The login ID shows as `masked`, and the ID itself appears nowhere on the screen."""
        expect(self.masked_id).to_have_text(masked)
        expect(self.everything).not_to_contain_text(login_id)

    def go_to_first_login(self, acknowledged: bool) -> None:
        """Tick 確認しました。 (or not), then tap 初回ログイン."""
        if acknowledged:
            self.acknowledge.check()
        self.first_login.click()
