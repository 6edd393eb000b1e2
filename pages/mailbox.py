"""M-MAIL: the customer's mailbox (a party of its own), at /mailbox/<address>/."""

from playwright.sync_api import Page

from pages.screen import Screen


class MailboxPage(Screen):
    """受信トレイ, one mail, and 迷惑メール拒否設定 of one address (M-MAIL)."""

    TITLE = "受信トレイ"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.inbox = page.get_by_role("main")
        self.empty = page.get_by_role("status").filter(has_text="メールはありません。")
        self.mail_subject = page.get_by_role("heading", level=1)
        self.mail_sender = page.locator("dd.sender")
        self.mail_body = page.locator("pre.mail-body")

    def open(self, address: str) -> None:
        self.page.goto(f"/mailbox/{address}/")

    def message(self, subject: str):
        """The inbox entry of a mail with this subject: its link, sender and time."""
        return self.page.get_by_role("listitem").filter(has=self.page.get_by_role("link", name=subject, exact=True))

    def read(self, subject: str) -> None:
        """Open the mail with this subject from the inbox."""
        self.page.get_by_role("link", name=subject, exact=True).click()

    def body_text(self) -> str:
        """The mail's body as one line: the mail wraps Japanese sentences where a reader would not see a break."""
        return self.mail_body.inner_text().replace("\n", "")

    def reject_domain(self, address: str, domain: str) -> None:
        """Add a domain to the mailbox's 迷惑メール拒否設定 through its settings screen."""
        self.open(address)
        self.page.get_by_role("link", name="迷惑メール拒否設定").click()
        self.page.get_by_label("拒否するドメイン").fill(domain)
        self.page.get_by_role("button", name="拒否する", exact=True).click()
