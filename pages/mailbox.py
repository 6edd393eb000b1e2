"""M-MAIL: the customer's mailbox (a party of its own)."""
from playwright.sync_api import Page


class MailboxPage:
    """受信トレイ, one mail, and 迷惑メール拒否設定 of one address."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.mail_subject = page.get_by_role("heading", level=1)
        self.mail_sender = page.locator("dd.sender")
        self.mail_body = page.locator("pre.mail-body")

    def open(self, address: str) -> None:
        self.page.goto(f"/mailbox/{address}/")

    def message(self, subject: str):
        """The inbox link of a mail with this subject."""
        return self.page.get_by_role("link", name=subject)

    def read(self, subject: str) -> None:
        self.message(subject).click()

    def reject_domain(self, address: str, domain: str) -> None:
        """Add a domain to the mailbox's 迷惑メール拒否設定 through its settings screen."""
        self.open(address)
        self.page.get_by_role("link", name="迷惑メール拒否設定").click()
        self.page.get_by_label("拒否するドメイン").fill(domain)
        self.page.get_by_role("button", name="拒否する", exact=True).click()
