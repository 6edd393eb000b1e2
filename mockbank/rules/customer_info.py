"""Rules of お客様情報入力 (SID001, P5): 店番, 口座番号, and the account and passwords matching the bank's record."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import HANKAKU_DIGITS, Problem

__all__ = [
    "branch_code",
    "account_number",
    "ACCOUNT_MISMATCH",
]


@checks("R-ACCT-BRANCH")
def branch_code(value: str) -> Problem | None:
    """R-ACCT-BRANCH: 店番 is required and is 3 half-width digits (P5)."""
    if not value:
        return Problem("R-ACCT-BRANCH", "店番を入力してください。", "branch")
    if not (HANKAKU_DIGITS.fullmatch(value) and len(value) == 3):
        return Problem("R-ACCT-BRANCH", "店番は半角数字3桁で入力してください。", "branch")
    return None


@checks("R-ACCT-NO")
def account_number(value: str) -> Problem | None:
    """R-ACCT-NO: 口座番号 is required and is 7 half-width digits, zero-padded (P5)."""
    if not value:
        return Problem("R-ACCT-NO", "口座番号を入力してください。", "account")
    if not (HANKAKU_DIGITS.fullmatch(value) and len(value) == 7):
        return Problem(
            "R-ACCT-NO",
            "口座番号は半角数字7桁で入力してください。"
            '7桁に満たない口座番号の時は頭に"0"（ゼロ）を入れて7桁にしてください。',
            "account",
        )
    return None


# R-ACCT-MATCH: one message for any wrong part, so it never hints which part was wrong, nor that the
# account exists or is locked (only the right passwords learn of a lock).
ACCOUNT_MISMATCH = Problem(
    "R-ACCT-MATCH",
    "入力されたお申込代表口座またはパスワードに誤りがあります。内容をご確認の上、再度ご入力ください。",
)
