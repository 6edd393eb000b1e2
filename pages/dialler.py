"""T-PHONE: the phone's own dialler (P13), where the 0120 link of 電話番号認証 leads."""

from playwright.sync_api import Page

from pages.screen import Screen


class DiallerPage(Screen):
    """電話 (T-PHONE): this phone's number, the number to call, 番号通知 or 非通知, 発信; then how the call ended."""

    TITLE = "電話"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.own_number = page.get_by_label("この電話の番号", exact=True)
        self.to_number = page.get_by_label("発信先", exact=True)
        self.show_number = page.get_by_label("番号通知", exact=True)
        self.withhold_number = page.get_by_label("非通知", exact=True)
        self.dial_button = page.get_by_role("button", name="発信", exact=True)
        self.dial_cancel = page.get_by_role("link", name="ダイヤルキャンセル", exact=True)
        self.call_ended = page.get_by_role("status").get_by_text("通話終了", exact=True)

    def open(self, address: str, came_from: str) -> None:
        """Open the dialler at a link's address, from the page whose link it was (ダイヤルキャンセル leads back there)."""
        self.page.bring_to_front()
        self.page.goto(address, referer=came_from)

    def call(self, withheld: bool = False, prefix: str = "") -> None:
        """Dial what is filled in (with 184 or another prefix in front if given), number shown or withheld."""
        if prefix:
            self.to_number.fill(prefix + self.to_number.input_value())
        (self.withhold_number if withheld else self.show_number).check()
        self.dial_button.click()

    def leave(self) -> None:
        """Back to the browser once the call has ended: the phone closes its dialler, as ダイヤルキャンセル does (P13)."""
        self.dial_cancel.wait_for()
        self.page.close()
