"""A-DL (P14): the ワンタイムPW app's page in App Store or Google Play, opened in the phone's browser."""

from __future__ import annotations

from playwright.sync_api import expect

from pages.app_screen import AppScreen
from pages.mailbox import MailboxPage
from pages.screen import Find, Screen, css

TOKEN_MAIL = "青森みちのく銀行トークン発行ご案内"  # the token mail's subject (P13): its ダウンロード先 leads here


class AppDownloadPage(Screen):
    """The store's page of the app: which store, and 入手 (App Store) or インストール (Google Play), which starts it."""

    SCREEN = "A-DL"
    TITLE = "ワンタイムPW"
    URL = "/app/download"
    STORES = {"iPhone": "App Store", "Android": "Google Play"}  # each phone's own store

    store = css("header.brand .bank")
    get = Find(
        lambda page: page.get_by_role("link", name="入手", exact=True).or_(
            page.get_by_role("link", name="インストール", exact=True)
        )
    )

    def follow_from_mail(self) -> None:
        """Tap the ダウンロード先 in the token mail open in the mailbox (P13: 同時に届くメール)."""
        MailboxPage(self.page).mail_body.locator(f"a[href$='{self.URL}']").click()

    def expect_store(self, store: str) -> None:
        """The store page is shown, in `store` (App Store or Google Play)."""
        self.expect_shown()
        expect(self.store).to_have_text(store)

    def expect_own_store(self, device: str) -> None:
        """The store page is shown, in the store of the phone's kind (iPhone: App Store, Android: Google Play)."""
        self.expect_store(self.STORES[device])

    def install(self, app: AppScreen) -> None:
        """入手 / インストール: the app is installed and starts on the phone, a page of its own."""
        app.page.goto(self.get.get_attribute("href"))
