"""S-TOP (§2(1)): the bank's top page and つないでネ！ットご利用案内 with its four entries."""

from playwright.sync_api import expect

from pages.keyboard import Keyboard
from pages.screen import SHOWN_MS, Screen, link


class TopPage(Screen):
    """青森みちのく銀行 トップページ (S-TOP): つないでネ！ットご利用案内 leads to the entries."""

    SCREEN = "S-TOP"
    TITLE = "青森みちのく銀行"
    URL = "/"

    guide_link = link("つないでネ！ットご利用案内", exact=False)

    def start(self, entry: str) -> None:
        """From the top page, through つないでネ！ットご利用案内, into one of its entries (§2(1))."""
        self.open()
        self.guide_link.click()
        GuidePage(self.page).choose(entry)

    def start_by_keys(self, entry: str) -> None:
        """The same by keyboard alone: Tab to each link and press Enter."""
        self.open()
        keys = Keyboard(self.page)
        keys.press(self.guide_link)
        keys.press(GuidePage(self.page).entry(entry))


class GuidePage(Screen):
    """つないでネ！ットご利用案内 (S-TOP): the four entries."""

    SCREEN = "S-TOP"
    TITLE = "つないでネ！ット (インターネットバンキング)"  # the h1, its <small> read after a space
    URL = "/netbank/"
    EXISTING = "既につないでネ！ットをご利用中のお客さま"
    NEW = "新規ご契約またはIDを初期化したお客さま"
    ENTRIES = (EXISTING, NEW, "これからご契約されるお客さま", "機種変更をしたお客さま")

    def entry(self, name: str):
        """The button-like link of one entry."""
        return self.page.get_by_role("link", name=name, exact=True)

    def choose(self, name: str) -> None:
        self.entry(name).click()

    def expect_entries(self, names) -> None:
        """Each of these entries is there to choose."""
        for name in names:
            expect(self.entry(name)).to_be_visible()

    def expect_shown(self, timeout: float = SHOWN_MS) -> None:
        """The guide is shown: S-TOP with its four entries."""
        super().expect_shown(timeout)
        self.expect_entries(self.ENTRIES)
