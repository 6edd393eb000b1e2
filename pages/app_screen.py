"""What every screen of the ワンタイムPW app shares (P15–P17): its header's ヘルプ and 設定, its start, its tokens."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.screen import Screen, link


class AppScreen(Screen):
    """Any screen of the app, on the phone's app page: the header, and the tokens the app keeps in the phone's storage."""

    PAGE = "app"
    START = "/app/"  # where the app starts: A-OTP when it holds a token, else A-SETUP

    help_link = link("ヘルプ")
    settings_link = link("設定")

    def launch(self) -> None:
        """Start the app from the phone's app list (「ワンタイムPW」を起動)."""
        self.page.goto(self.START)

    def tokens(self) -> list[dict]:
        """The tokens the app holds in the phone's storage, as app.js keeps them."""
        return self.page.evaluate("() => window.mockbankApp.tokens()")

    def seeds(self) -> list[str]:
        """The seeds of the tokens the app holds (what a copy of the app's data carries)."""
        return [token["seed"] for token in self.tokens()]

    def tokens_held(self) -> int:
        """How many tokens the app holds in the phone's storage."""
        return len(self.tokens())

    def expect_menu(self, settings: bool) -> None:
        """The header shows ヘルプ, and 設定 too where the manual shows it (not on 初期設定 or 初期設定完了, P15)."""
        expect(self.help_link).to_be_visible()
        if settings:
            expect(self.settings_link).to_be_visible()
        else:
            expect(self.settings_link).to_have_count(0)
