"""Rules of ログイン時の追加認証 (S-RBA, §2(4)): the answer to one registered secret question (R-RBA)."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import Problem, zenkaku
from mockbank.rules.secret_qa import ANSWER_MAX

__all__ = ["RBA_MISMATCH", "rba_answer"]

# R-RBA: the answer is not the registered one. Nothing more is said; the login stops and the customer logs in again.
# It counts towards R-LOCKOUT with wrong passwords.
RBA_MISMATCH = Problem("R-RBA", "秘密の質問の回答に誤りがあります。もう一度ログインしてください。")


@checks("R-QA-ZENKAKU")
def rba_answer(answer: str) -> Problem | None:
    """R-QA-ZENKAKU, as S-QA registered it: an answer typed, full-width, at most 10 characters."""
    if not isinstance(answer, str) or not answer:
        return Problem("R-RBA", "回答を入力してください。", "answer")
    if not zenkaku(answer):
        return Problem("R-QA-ZENKAKU", "回答は全角文字で入力してください。", "answer")
    if len(answer) > ANSWER_MAX:
        return Problem("R-QA-ZENKAKU", f"回答は全角{ANSWER_MAX}文字以内で入力してください。", "answer")
    return None
