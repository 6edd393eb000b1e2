"""S-APPLY つないでネ！ットのお申込み (J-APPLY, §2(1)): where 「これからご契約されるお客さま」 leads."""

from playwright.sync_api import expect

from pages.screen import Screen


class ApplyPage(Screen):
    """つないでネ！ットのお申込み (S-APPLY): in writing or online."""

    SCREEN = "S-APPLY"
    TITLE = "つないでネ！ットのお申込み"
    URL = "/netbank/apply"

    def way(self, name: str):
        """The heading of one way to apply (書面でのお申込み, オンラインでのお申込み)."""
        return self.page.get_by_role("heading", name=name)

    def expect_ways(self, *names: str) -> None:
        """The screen explains each of these ways to apply."""
        for name in names:
            expect(self.way(name)).to_be_visible()
