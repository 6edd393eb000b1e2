"""Rules of パスワード変更 (S-PW, P9): each new password well formed and typed twice, neither temp password kept."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import Problem, hankaku_alnum, mixed

__all__ = [
    "new_password",
    "NOT_CHANGED",
]


@checks("R-HANKAKU", "R-PW-FMT", "R-PW-TWICE")
def new_password(value: str, again: str, label: str, field: str) -> Problem | None:
    """R-HANKAKU, R-PW-FMT, R-PW-TWICE: a new password, 6–12 half-width letters and digits mixed, typed twice."""
    if not value:
        return Problem("R-PW-FMT", f"{label}を入力してください。", field)
    if not hankaku_alnum(value):
        return Problem("R-HANKAKU", f"{label}は半角英数字で入力してください。", field)
    if not (6 <= len(value) <= 12 and mixed(value)):
        return Problem("R-PW-FMT", f"{label}は半角英数字混在6～12桁で入力してください。", field)
    if value != again:
        return Problem("R-PW-TWICE", f"{label}と{label}（確認用）が一致しません。", f"{field}_again")
    return None


# R-PW-CHANGE: a temp password must really be changed.
NOT_CHANGED = Problem(
    "R-PW-CHANGE", "仮パスワードと同じパスワードは使用できません。新しいパスワードを入力してください。"
)
