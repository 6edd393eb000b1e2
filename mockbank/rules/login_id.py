"""Rules of ログインID取得 (S-ID, P6): the login ID's format, typed twice, not taken by anyone."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import Problem, hankaku_alnum, mixed

__all__ = [
    "login_id_format",
    "login_id_twice",
    "LOGIN_ID_TAKEN",
]


@checks("R-HANKAKU", "R-ID-FMT")
def login_id_format(value: str, field: str = "login_id") -> Problem | None:
    """R-HANKAKU, R-ID-FMT: a login ID is 6–12 half-width letters and digits, both present (P6)."""
    if not value:
        return Problem("R-ID-FMT", "ログインIDを入力してください。", field)
    if not hankaku_alnum(value):
        return Problem("R-HANKAKU", "ログインIDは半角英数字で入力してください。", field)
    if not (6 <= len(value) <= 12 and mixed(value)):
        return Problem("R-ID-FMT", "ログインIDは半角英数字混在6～12桁で入力してください。", field)
    return None


@checks("R-ID-TWICE")
def login_id_twice(login_id: str, again: str) -> Problem | None:
    """R-ID-TWICE: the login ID typed twice must be the same (P6)."""
    if login_id != again:
        return Problem("R-ID-TWICE", "ログインIDとログインID (確認用) が一致しません。", "login_id_again")
    return None


# R-ID-UNIQUE (the manual is silent; every bank refuses a taken ID, without saying whose).
LOGIN_ID_TAKEN = Problem(
    "R-ID-UNIQUE",
    "ご指定のログインIDは既に使用されています。別のログインIDを入力してください。",
    "login_id",
)
