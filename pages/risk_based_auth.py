"""S-RBA 追加認証 (§2(4)): one of the customer's secret questions, at a login from an unusual device."""

from playwright.sync_api import expect

from pages.screen import Screen, button, css, field


class RiskBasedAuthPage(Screen):
    """追加認証 (S-RBA): the question the bank asks, 回答, 次へ; the written reset for a forgotten answer."""

    SCREEN = "S-RBA"
    TITLE = "追加認証"
    URL = "/netbank/login/additional-auth"
    WRITTEN_RESET = "書面による追加認証解除手続き"

    question = css("#question")
    answer = field("回答")
    submit = button("次へ")
    important = css(".important")

    def asked(self) -> str:
        """The question shown now."""
        self.expect_shown()
        return self.question.inner_text().strip()

    def reply(self, answer: str) -> None:
        """Type the answer and tap 次へ."""
        self.answer.fill(answer)
        self.submit.click()

    def reply_from(self, pairs: list[dict]) -> None:
        """Answer the question shown with its registered answer (from the customer's own record of them)."""
        question = self.asked()
        self.reply(next(pair["answer"] for pair in pairs if pair["question"] == question))

    def expect_question_from(self, pairs: list[dict]) -> None:
        """The question is one of the customer's registered ones."""
        assert self.asked() in [pair["question"] for pair in pairs]

    def expect_written_reset(self) -> None:
        """The screen says a forgotten answer is reset only in writing (書面による追加認証解除)."""
        expect(self.important).to_contain_text(self.WRITTEN_RESET)

    def expect_attempt_over(self) -> None:
        """The login stopped: no answer field to try again."""
        expect(self.answer).to_have_count(0)
