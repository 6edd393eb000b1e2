"""S-INFO-OK お客さま情報登録確認 (P11)."""

import re

from playwright.sync_api import expect

from pages.screen import Find, Screen, button, css, field


class CustomerRegistrationConfirmPage(Screen):
    """お客さま情報登録確認 (S-INFO-OK): the entries, the メール通知パスワード notice, 確認しました。, 確認用パスワード."""

    SCREEN = "S-INFO-OK"
    TITLE = "お客さま情報登録"
    URL = "/netbank/customer-registration/confirm"

    mail = css("dd.mail")
    tel = css("dd.tel")
    limits = css("table.limits")
    caution = css(".caution")
    acknowledge = Find(lambda page: page.get_by_label("確認しました。"))
    confirm_pw = field("確認用パスワード")
    register_button = button("登録を確定する", exact=False)
    cancel_button = button("中止する", exact=False)

    def limit(self, kind: str):
        """The 限度額 shown for the account of this 科目."""
        return self.limits.get_by_role("row").filter(has_text=kind).get_by_role("cell").last

    def expect_entries(self, mail: str, tel: str) -> None:
        """The mail address and phone number as typed on S-INFO."""
        expect(self.mail).to_have_text(mail)
        expect(self.tel).to_have_text(tel)

    def expect_limit(self, kind: str, text: str) -> None:
        """The 限度額 of the account of this 科目 reads `text` (0万円 is not 100万円)."""
        expect(self.limit(kind)).to_have_text(re.compile("^" + re.escape(text)))

    def confirm(self, confirm_pw: str, acknowledged: bool = True) -> None:
        """Tick 確認しました。, type the confirm password and tap 登録を確定する."""
        if acknowledged:
            self.acknowledge.check()
        self.confirm_pw.fill(confirm_pw)
        self.register_button.click()

    def confirm_refused(self, times: int, confirm_pw: str) -> None:
        """登録を確定する `times` times over with a confirm password the bank refuses, each refusal shown first."""
        for _ in range(times):
            self.confirm(confirm_pw)
            expect(self.alert).to_be_visible()

    def cancel(self) -> None:
        self.cancel_button.click()
