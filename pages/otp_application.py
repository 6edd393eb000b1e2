"""S-OTPAPP ワンタイムパスワード利用申請 (P12)."""

import re

from playwright.sync_api import expect

from pages.screen import Find, Screen, button, css, field


class OtpApplicationPage(Screen):
    """ワンタイムパスワード利用申請 (S-OTPAPP): mail twice, 利用開始パスワード twice, a phone, 確認用パスワード."""

    SCREEN = "S-OTPAPP"
    TITLE = "ワンタイムパスワード利用申請"
    URL = "/netbank/otp-application"
    PHONE_NOTE = "※電話番号の末尾4桁のみ表示されます。"  # P12

    mail = field("メールアドレス")
    mail_again = field("メールアドレス (確認用)")
    start_pw = field("利用開始パスワード")
    start_pw_again = field("利用開始パスワード (確認用)")
    phone = Find(lambda page: page.get_by_role("radiogroup", name="電話番号", exact=True))
    phone_note = css("#phone-note")
    confirm_pw = field("確認用パスワード")
    phone_check_button = button("電話番号認証を行う", exact=False)
    cancel_button = button("中止する", exact=False)

    def phone_choice(self, last4: str):
        """The 電話番号 radio button of the registered phone ending in these four digits."""
        return self.phone.get_by_role("radio", name=re.compile(rf"{re.escape(last4)}\s*$"))

    def enter(self, mail: str, mail_again: str, start_pw: str, start_pw_again: str, last4: str | None) -> None:
        """Fill the application: where the token goes, the 利用開始パスワード, the phone to call from (None: pick none)."""
        self.mail.fill(mail)
        self.mail_again.fill(mail_again)
        self.start_pw.fill(start_pw)
        self.start_pw_again.fill(start_pw_again)
        if last4 is not None:
            self.phone_choice(last4).check()

    def apply(self, confirm_pw: str) -> None:
        """Type the 確認用パスワード and tap 電話番号認証を行う; wait until the screen it leads to has loaded."""
        self.confirm_pw.fill(confirm_pw)
        self.phone_check_button.click()
        # S-TEL loads a script before its DOMContentLoaded, when the phone reports the screen it shows (evidence).
        self.page.wait_for_load_state()

    def cancel(self, mail: str, start_pw: str, last4: str) -> None:
        """Fill the application (each entry twice alike), then tap 中止する (R-CANCEL)."""
        self.enter(mail, mail, start_pw, start_pw, last4)
        self.cancel_button.click()

    def expect_refused(self) -> None:
        """The bank refused the application: its message is shown."""
        expect(self.alert).to_be_visible()

    def expect_phones_by_last4(self, numbers: list[str]) -> None:
        """電話番号 lists each registered phone by its last four digits alone, none chosen, with the manual's note."""
        last4 = [number[-4:] for number in numbers]
        expect(self.phone.locator("label")).to_have_text([re.compile(rf"^\D*{digits}$") for digits in last4])
        for digits in last4:
            expect(self.phone_choice(digits)).not_to_be_checked()
        expect(self.phone_note).to_have_text(self.PHONE_NOTE)

    def expect_back(self, message: str) -> None:
        """Back on S-OTPAPP, by itself or after 確定する, with the bank's message (R-TEL-120)."""
        self.expect_shown()
        expect(self.alert).to_contain_text(message)
