"""S-INFO お客さま情報登録 (P10)."""

from playwright.sync_api import expect

from pages.screen import Screen, button, css, field, link


class CustomerRegistrationPage(Screen):
    """お客さま情報登録 (S-INFO): mail twice, セレクトEメールサービス, phone in three parts, a limit per account."""

    SCREEN = "S-INFO"
    TITLE = "お客さま情報登録"
    URL = "/netbank/customer-registration"

    mail = field("メールアドレス")
    mail_again = field("メールアドレス (確認用)")
    TEL_PARTS = ("市外局番", "市内局番", "加入者番号")
    select_email_status = css("dd.select-email")
    change_select_email = link("※ サービス設定状況を変更", exact=False)
    to_confirmation = button("確認画面へ", exact=False)

    def limit(self, kind: str, number: str):
        """The 限度額 field of one account."""
        return self.page.get_by_label(f"限度額（{kind} {number}）")

    def enter(self, mail: str, mail_again: str, tel: list[str], limits: dict[tuple[str, str], str]) -> None:
        """Fill every field and tap 確認画面へ."""
        self.mail.fill(mail)
        self.mail_again.fill(mail_again)
        for name, part in zip(self.TEL_PARTS, tel, strict=False):
            self.page.get_by_label(f"連絡先電話番号（{name}）", exact=True).fill(part)
        for (kind, number), value in limits.items():
            self.limit(kind, number).fill(value)
        self.to_confirmation.click()

    def set_select_email(self, use: bool) -> None:
        """Change セレクトEメールサービス設定 and come back."""
        self.change_select_email.click()
        self.page.get_by_label("利用する" if use else "利用しない", exact=True).check()
        self.page.get_by_role("button", name="変更する").click()

    def expect_limit_refused(self, kind: str, number: str, message: str) -> None:
        """The bank refused the 限度額 of one account, naming it: 「普通 1234567の限度額は…」."""
        expect(self.alert).to_contain_text(f"{kind} {number}の{message}")
