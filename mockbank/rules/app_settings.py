"""Rules of the ワンタイムPW app's 設定 (A-MENU, P16): トークン選択 picks one of the tokens the app holds (R-APP-SELECT)."""

from __future__ import annotations

from mockbank.rules.base import Problem
from mockbank.rules.common import TOKEN_KEY

NOTHING_CHOSEN = Problem("R-APP-SELECT", "表示するトークンを選択してください。", "token")


def token_choice(key: str, held: list[str]) -> Problem | None:
    """R-APP-SELECT (P16): the token chosen is one the app holds, named as the app names it (サービスID:ユーザID)."""
    return None if TOKEN_KEY.fullmatch(key) and key in held else NOTHING_CHOSEN
