"""S-TOP (§2(1)): the bank's top page and つないでネ！ットご利用案内, and S-APPLY where one entry leads."""

from playwright.sync_api import Page

from pages.screen import Screen


class TopPage(Screen):
    """青森みちのく銀行 トップページ (S-TOP)."""

    TITLE = "青森みちのく銀行"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.guide_link = page.get_by_role("link", name="つないでネ！ットご利用案内")

    def open(self) -> None:
        self.page.goto("/")

    def go_to_guide(self) -> None:
        self.guide_link.click()


class GuidePage(Screen):
    """つないでネ！ットご利用案内 (S-TOP): the four entries."""

    ENTRIES = (
        "既につないでネ！ットをご利用中のお客さま",
        "新規ご契約またはIDを初期化したお客さま",
        "これからご契約されるお客さま",
        "機種変更をしたお客さま",
    )

    def open(self) -> None:
        self.page.goto("/netbank/")

    def entry(self, name: str):
        """The button-like link of one entry."""
        return self.page.get_by_role("link", name=name, exact=True)

    def choose(self, name: str) -> None:
        self.entry(name).click()


class ApplyPage(Screen):
    """つないでネ！ットのお申込み (S-APPLY, J-APPLY): in writing or online."""

    TITLE = "つないでネ！ットのお申込み"

    def way(self, name: str):
        """The heading of one way to apply (書面でのお申込み, オンラインでのお申込み)."""
        return self.page.get_by_role("heading", name=name)
