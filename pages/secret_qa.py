"""S-QA 追加認証登録 (P8)."""

from playwright.sync_api import Page

from pages.screen import Screen


class SecretQaPage(Screen):
    """ログイン（追加認証登録） (S-QA): three questions, three answers, 確認しました。, 登録を確定する or 中止する."""

    TITLE = "ログイン（追加認証登録）"

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.acknowledge = page.get_by_label("確認しました。")
        self.register_button = page.get_by_role("button", name="登録を確定する")
        self.cancel_button = page.get_by_role("button", name="中止する")

    def open(self) -> None:
        self.page.goto("/netbank/secret-qa")

    def question(self, n: int):
        return self.page.get_by_label(f"質問 {n}", exact=True)

    def answer(self, n: int):
        return self.page.get_by_label(f"回答 {n}", exact=True)

    def fill(self, pairs: list[tuple[str, str]]) -> None:
        """Choose each question (an empty one stays unchosen) and type its answer."""
        for n, (question, answer) in enumerate(pairs, start=1):
            if question:
                self.question(n).select_option(label=question)
            self.answer(n).fill(answer)

    def register(self, pairs: list[tuple[str, str]], acknowledged: bool = True) -> None:
        self.fill(pairs)
        if acknowledged:
            self.acknowledge.check()
        self.register_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()
