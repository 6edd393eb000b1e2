"""M-MAIL: the customer's mailbox (a party of its own), at /mailbox/<address>/."""

import re

from playwright.sync_api import expect

from pages.screen import Find, Screen, css, link


class MailboxPage(Screen):
    """受信トレイ, one mail, and 迷惑メール拒否設定 of one address (M-MAIL)."""

    SCREEN = "M-MAIL"
    TITLE = "受信トレイ"

    empty = Find(lambda page: page.get_by_role("status").filter(has_text="メールはありません。"))
    mail_subject = Find(lambda page: page.get_by_role("heading", level=1))
    mail_sender = css("dd.sender")
    mail_body = css("pre.mail-body")
    settings_link = link("迷惑メール拒否設定", exact=False)

    def open(self, address: str) -> None:
        """The inbox of one address."""
        self.page.goto(f"/mailbox/{address}/")

    def message(self, subject: str):
        """The inbox entry of a mail with this subject: its link, sender and time."""
        return self.page.get_by_role("listitem").filter(has=self.page.get_by_role("link", name=subject, exact=True))

    def read(self, subject: str) -> None:
        """Open the mail with this subject from the inbox."""
        self.page.get_by_role("link", name=subject, exact=True).click()

    def read_mail(self, address: str, subject: str) -> None:
        """Open the inbox of `address`, then the mail with this subject in it."""
        self.open(address)
        self.read(subject)

    def body_text(self) -> str:
        """The mail's body as one line: the mail wraps Japanese sentences where a reader would not see a break."""
        return self.mail_body.inner_text().replace("\n", "")

    def reject_domain(self, address: str, domain: str) -> None:
        """Add a domain to the mailbox's 迷惑メール拒否設定 through its settings screen."""
        self.open(address)
        self.settings_link.click()
        self.page.get_by_label("拒否するドメイン").fill(domain)
        self.page.get_by_role("button", name="拒否する", exact=True).click()

    def expect_received(self, address: str, subject: str) -> None:
        """The inbox of `address` holds a mail with this subject."""
        self.open(address)
        expect(self.message(subject)).to_be_visible()

    def expect_nothing(self, address: str) -> None:
        """The inbox of `address` is empty."""
        self.open(address)
        expect(self.empty).to_be_visible()

    def expect_sender(self, domain: str, not_from: str | None = None) -> None:
        """The mail open now came from an address at `domain` (and names nothing of `not_from`)."""
        expect(self.mail_sender).to_have_text(re.compile(rf"@{re.escape(domain)}>?$"))
        if not_from:
            expect(self.mail_sender).not_to_contain_text(not_from)

    def expect_body(self, *parts: str | re.Pattern) -> None:
        """The open mail's body holds each of these, as written or as a pattern."""
        for part in parts:
            expect(self.mail_body).to_contain_text(part)

    def expect_body_says(self, *texts: str) -> None:
        """The open mail's body says each of these, however its lines are wrapped."""
        expect(self.mail_body).to_be_visible()
        body = self.body_text()
        for text in texts:
            assert text in body, f"the mail says {text!r}"

    def expect_token(self, token: dict) -> None:
        """R-TOKEN-MAIL: the token mail carries what S-TOKEN showed (P13: 同時に届くメールにも記載)."""
        self.expect_body(
            re.compile(rf"サービスID\D*{re.escape(token['service_id'])}\b"),
            re.compile(rf"ユーザID\D*{re.escape(token['user_id'])}\b"),
            token["download"],
        )


class MailTabPage(MailboxPage):
    """The mailbox in a tab of its own, beside a screen the browser keeps (a PC's S-MAILPW while its mail is read)."""

    PAGE = "mail"
