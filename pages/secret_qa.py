"""S-QA 追加認証登録 (P8)."""

from pages.screen import Find, Screen, button


class SecretQaPage(Screen):
    """ログイン（追加認証登録） (S-QA): three questions, three answers, 確認しました。, 登録を確定する or 中止する."""

    SCREEN = "S-QA"
    TITLE = "ログイン（追加認証登録）"
    URL = "/netbank/secret-qa"

    acknowledge = Find(lambda page: page.get_by_label("確認しました。"))
    register_button = button("登録を確定する", exact=False)
    cancel_button = button("中止する", exact=False)

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
        """Fill the pairs, tick 確認しました。 (unless not) and tap 登録を確定する."""
        self.fill(pairs)
        if acknowledged:
            self.acknowledge.check()
        self.register_button.click()

    def cancel(self, pairs: list[tuple[str, str]]) -> None:
        """Fill the pairs, then tap 中止する (R-CANCEL)."""
        self.fill(pairs)
        self.cancel_button.click()
