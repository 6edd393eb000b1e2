"""S-TEL 電話番号認証 (P13): the customer calls the bank's 0120 number from the phone the application picked."""

import re

from playwright.sync_api import expect

from pages.screen import Find, Screen, button


class PhoneCheckPage(Screen):
    """電話番号認証 (S-TEL): 発信元 and 発信先, the 注意 lines, 確定する; moves on by itself once the call is proven."""

    SCREEN = "S-TEL"
    TITLE = "電話番号認証"
    URL = "/netbank/otp-application/phone-check"

    caller = Find(lambda page: page.get_by_text(re.compile(r"^ご登録電話番号")))
    callee = Find(lambda page: page.get_by_text(re.compile(r"^認証先電話番号")))
    confirm_button = button("確定する", exact=False)

    @property
    def dial_link(self):
        """The 認証先電話番号 as a link: tapped, it opens the phone's dialler."""
        return self.callee.get_by_role("link")

    def dial_address(self) -> str:
        """Where tapping the 認証先電話番号 leads: the phone's dialler, with the number filled in."""
        return self.dial_link.evaluate("link => link.href")

    def confirm(self) -> None:
        """確定する: for when the screen does not move on by itself."""
        self.confirm_button.click()

    def expect_caller(self, number: str) -> None:
        """発信元 shows *****XXXX (R-TEL-PICK): the rest of the number appears nowhere on the screen."""
        expect(self.caller).to_have_text(f"ご登録電話番号 *****{number[-4:]}")
        for shown in (number[:-4], number.replace("-", "")[:-4]):
            expect(self.main).not_to_contain_text(shown)

    def expect_numbers(self, caller: str, callee: str) -> None:
        """発信元 by its last four digits, and the number to call."""
        self.expect_caller(caller)
        expect(self.dial_link).to_have_text(callee)
