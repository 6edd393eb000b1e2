"""S-BRANCHES 店番一覧 (P5): where SID001's 店番 help link 「こちら」 leads."""

from pages.screen import Screen


class BranchesPage(Screen):
    """店番一覧 (S-BRANCHES): every branch's 店番 and name."""

    SCREEN = "S-BRANCHES"
    TITLE = "店番一覧"
    URL = "/netbank/branches"

    def branch(self, code: str, name: str):
        """The row of one branch."""
        return self.page.get_by_role("row").filter(has_text=code).filter(has_text=name)
