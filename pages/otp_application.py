"""S-OTPAPP ワンタイムパスワード利用申請 (P12), S-TEL 電話番号認証 and S-TOKEN 利用申請完了 (P13)."""

import re

from playwright.sync_api import Page

from pages.screen import Screen


class OtpApplicationPage(Screen):
    """ワンタイムパスワード利用申請 (S-OTPAPP): mail twice, 利用開始パスワード twice, a phone, 確認用パスワード."""

    TITLE = "ワンタイムパスワード利用申請"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.mail = page.get_by_label("メールアドレス", exact=True)
        self.mail_again = page.get_by_label("メールアドレス (確認用)", exact=True)
        self.start_pw = page.get_by_label("利用開始パスワード", exact=True)
        self.start_pw_again = page.get_by_label("利用開始パスワード (確認用)", exact=True)
        self.phone = page.get_by_role("radiogroup", name="電話番号", exact=True)
        self.phone_note = page.locator("#phone-note")
        self.confirm_pw = page.get_by_label("確認用パスワード", exact=True)
        self.phone_check_button = page.get_by_role("button", name="電話番号認証を行う")
        self.cancel_button = page.get_by_role("button", name="中止する")

    def open(self) -> None:
        self.page.goto("/netbank/otp-application")

    def phone_choice(self, last4: str):
        """The 電話番号 radio button of the registered phone ending in these four digits."""
        return self.phone.get_by_role("radio", name=re.compile(rf"{re.escape(last4)}\s*$"))

    def phone_labels(self):
        """What 電話番号 lists: one label per registered phone, in order."""
        return self.phone.locator("label")

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

    def cancel(self) -> None:
        self.cancel_button.click()


class OtpApplicationPhoneCheckPage(Screen):
    """電話番号認証 (S-TEL): 発信元 and 発信先, the 注意 lines, 確定する; moves on by itself once the call is proven."""

    TITLE = "電話番号認証"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.caller = page.get_by_text(re.compile(r"^ご登録電話番号"))
        self.callee = page.get_by_text(re.compile(r"^認証先電話番号"))
        self.dial_link = self.callee.get_by_role("link")
        self.confirm_button = page.get_by_role("button", name="確定する")

    def open(self) -> None:
        self.page.goto("/netbank/otp-application/phone-check")

    def dial_address(self) -> str:
        """Where tapping the 認証先電話番号 leads: the phone's dialler, with the number filled in."""
        return self.dial_link.evaluate("link => link.href")

    def confirm(self) -> None:
        """確定する: for when the screen does not move on by itself."""
        self.confirm_button.click()


class OtpApplicationTokenPage(Screen):
    """利用申請完了 (S-TOKEN): 送付先メールアドレス, トークン情報 サービスID / ユーザID, アプリダウンロード."""

    TITLE = "ワンタイムパスワード利用申請"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.issued = page.get_by_text("下記内容でトークン発行を受けました。")
        self.mail = page.locator("dd.mail")
        self.service_id = self.token_info("サービスID")
        self.user_id = self.token_info("ユーザID")
        self.download = page.get_by_role("link", name="アプリダウンロード")

    def token_info(self, name: str):
        """One line of トークン情報, by its name."""
        row = self.page.get_by_role("row").filter(has=self.page.get_by_role("rowheader", name=name, exact=True))
        return row.get_by_role("cell")

    def download_address(self) -> str:
        return self.download.evaluate("link => link.href")
