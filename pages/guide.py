"""S-TOP (§2(1)): the bank's top page and つないでネ！ットご利用案内."""
from playwright.sync_api import Page


class BankTopPage:
    """青森みちのく銀行 トップページ."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.guide_link = page.get_by_role("link", name="つないでネ！ットご利用案内")

    def open(self) -> None:
        self.page.goto("/")

    def go_to_guide(self) -> None:
        self.guide_link.click()


class GuidePage:
    """つないでネ！ットご利用案内: the four entries."""

    ENTRIES = (
        "既につないでネ！ットをご利用中のお客さま",
        "新規ご契約またはIDを初期化したお客さま",
        "これからご契約されるお客さま",
        "機種変更をしたお客さま",
    )

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> None:
        self.page.goto("/netbank/")

    def entry(self, name: str):
        """The button-like link of one entry."""
        return self.page.get_by_role("link", name=name, exact=True)

    def choose(self, name: str) -> None:
        self.entry(name).click()
