"""S-INFO お客さま情報登録 and S-INFO-OK お客さま情報登録確認 (P10–P11)."""

from playwright.sync_api import Page

from pages.screen import Screen


class CustomerRegistrationPage(Screen):
    """お客さま情報登録 (S-INFO): mail twice, セレクトEメールサービス, phone in three parts, a limit per account."""

    TITLE = "お客さま情報登録"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.mail = page.get_by_label("メールアドレス", exact=True)
        self.mail_again = page.get_by_label("メールアドレス (確認用)", exact=True)
        self.tel = [
            page.get_by_label("連絡先電話番号（市外局番）"),
            page.get_by_label("連絡先電話番号（市内局番）"),
            page.get_by_label("連絡先電話番号（加入者番号）"),
        ]
        self.select_email_status = page.locator("dd.select-email")
        self.change_select_email = page.get_by_role("link", name="※ サービス設定状況を変更")
        self.to_confirmation = page.get_by_role("button", name="確認画面へ")

    def open(self) -> None:
        self.page.goto("/netbank/customer-registration")

    def limit(self, kind: str, number: str):
        """The 限度額 field of one account."""
        return self.page.get_by_label(f"限度額（{kind} {number}）")

    def enter(self, mail: str, mail_again: str, tel: list[str], limits: dict[tuple[str, str], str]) -> None:
        """Fill every field and tap 確認画面へ."""
        self.mail.fill(mail)
        self.mail_again.fill(mail_again)
        for box, part in zip(self.tel, tel, strict=False):
            box.fill(part)
        for (kind, number), value in limits.items():
            self.limit(kind, number).fill(value)
        self.to_confirmation.click()

    def set_select_email(self, use: bool) -> None:
        """Change セレクトEメールサービス設定 and come back."""
        self.change_select_email.click()
        self.page.get_by_label("利用する" if use else "利用しない", exact=True).check()
        self.page.get_by_role("button", name="変更する").click()


class CustomerRegistrationConfirmPage(Screen):
    """お客さま情報登録確認 (S-INFO-OK): the entries, the メール通知パスワード notice, 確認しました。, 確認用パスワード."""

    TITLE = "お客さま情報登録"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.mail = page.locator("dd.mail")
        self.tel = page.locator("dd.tel")
        self.limits = page.locator("table.limits")
        self.caution = page.locator(".caution")
        self.acknowledge = page.get_by_label("確認しました。")
        self.confirm_pw = page.get_by_label("確認用パスワード", exact=True)
        self.register_button = page.get_by_role("button", name="登録を確定する")
        self.cancel_button = page.get_by_role("button", name="中止する")

    def limit(self, kind: str):
        """The 限度額 shown for the account of this 科目."""
        return self.limits.get_by_role("row").filter(has_text=kind).get_by_role("cell").last

    def confirm(self, confirm_pw: str, acknowledged: bool = True) -> None:
        """Tick 確認しました。, type the confirm password and tap 登録を確定する."""
        if acknowledged:
            self.acknowledge.check()
        self.confirm_pw.fill(confirm_pw)
        self.register_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()
