"""T-PHONE: the phone's own dialler (P13), where the 0120 link of 電話番号認証 leads."""

import re

from playwright.sync_api import expect

from pages.phone_check import PhoneCheckPage
from pages.screen import Find, Screen, button, field

RANG_AND_ENDED = re.compile(r"呼出音が[23]回鳴ったあと、電話が切れました。")  # R-TEL-CLI: the bank hangs up


class DiallerPage(Screen):
    """電話 (T-PHONE): this phone's number, the number to call, 番号通知 or 非通知, 発信; then how the call ended."""

    SCREEN = "T-PHONE"
    TITLE = "電話"
    PAGE = "dialler"

    own_number = field("この電話の番号")
    to_number = field("発信先")
    show_number = field("番号通知")
    withhold_number = field("非通知")
    dial_button = button("発信")
    # The manual's ダイヤルキャンセル (P13): back to the browser.
    dial_cancel = Find(
        lambda page: page.get_by_role("link", name="ダイヤルキャンセル", exact=True).or_(
            page.get_by_role("button", name="ダイヤルキャンセル", exact=True)
        )
    )
    call_ended = Find(lambda page: page.get_by_role("status").get_by_text("通話終了", exact=True))

    def open(self, address: str, came_from: str) -> None:
        """Open the dialler at a link's address, from the page whose link it was (ダイヤルキャンセル leads back there)."""
        self.page.bring_to_front()
        self.page.goto(address, referer=came_from)

    def dial_from(self, screen: PhoneCheckPage) -> None:
        """Open the dialler as S-TEL's 認証先電話番号 link does, the number filled in (ダイヤルキャンセル leads back)."""
        self.open(screen.dial_address(), came_from=screen.page.url)

    def call(self, withheld: bool = False, prefix: str = "") -> None:
        """Dial what is filled in (with 184 or another prefix in front if given), number shown or withheld; wait for the end."""
        if prefix:
            self.to_number.fill(prefix + self.to_number.input_value())
        (self.withhold_number if withheld else self.show_number).check()
        self.dial_button.click()
        expect(self.call_ended).to_be_visible()

    def leave(self) -> None:
        """Back to the browser once the call has ended: the phone closes its dialler, as ダイヤルキャンセル does (P13)."""
        self.dial_cancel.wait_for()
        self.page.close()

    def expect_numbers(self, own: str, to: str) -> None:
        """The dialler shows this phone's own number and the number it is about to call."""
        self.expect_shown()
        expect(self.own_number).to_have_text(own)
        expect(self.to_number).to_have_value(to)

    def expect_rang_and_ended(self) -> None:
        """The bank's line rang two or three times and hung up (R-TEL-CLI)."""
        expect(self.notice).to_contain_text(RANG_AND_ENDED)
