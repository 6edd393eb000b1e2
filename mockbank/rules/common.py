"""Rules applied on screens of several bank modules (P5–P11, P17): 半角 entry, 確認しました, R-DISTINCT, R-CRED-SHARED, R-LOCKOUT."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import HELP_DESK, Problem, hankaku_alnum

__all__ = [
    "hankaku_entry",
    "acknowledged",
    "credentials_distinct",
    "CREDENTIALS_NOT_DISTINCT",
    "LOGIN_ID_ALREADY_TAKEN",
    "LOGIN_ID_SETUP_PENDING",
    "LOCKED",
]


@checks("R-HANKAKU")
def hankaku_entry(value: str, label: str, field: str) -> Problem | None:
    """R-HANKAKU: an existing login ID or password is typed in 半角英数字 (P5, P7, P17)."""
    if not value:
        return Problem("R-HANKAKU", f"{label}を入力してください。", field)
    if not hankaku_alnum(value):
        return Problem("R-HANKAKU", f"{label}は半角英数字で入力してください。", field)
    return None


@checks("R-ID-ACK")
def acknowledged(checked: bool) -> Problem | None:
    """R-ID-ACK: 確認しました。 must be ticked before going on (P6, P8, P11)."""
    if not checked:
        return Problem("R-ID-ACK", "「確認しました。」にチェックを入れてください。", "ack")
    return None


@checks("R-DISTINCT")
def credentials_distinct(login_id: str, login_pw: str, confirm_pw: str) -> Problem | None:
    """R-DISTINCT: login ID, login password and confirm password all differ (P6, P9)."""
    if len({login_id, login_pw, confirm_pw}) < 3:
        return CREDENTIALS_NOT_DISTINCT
    return None


CREDENTIALS_NOT_DISTINCT = Problem(
    "R-DISTINCT", "ログインID、ログインパスワード及び確認用パスワードは、同じものを使用できません。"
)

# R-CRED-SHARED: one login ID per contract; a customer who has finished the registration logs in with it.
LOGIN_ID_ALREADY_TAKEN = Problem(
    "R-CRED-SHARED",
    "ログインIDは取得済みです。「既につないでネ！ットをご利用中のお客さま」からログインしてください。",
    link=("bank.login", "既につないでネ！ットをご利用中のお客さま"),
)

# R-CRED-SHARED: a customer who took a login ID but has not finished the registration goes on from 初回ログイン (P7).
LOGIN_ID_SETUP_PENDING = Problem(
    "R-CRED-SHARED",
    "ログインIDは取得済みです。初回ログイン画面から、取得したログインIDとログインパスワードでログインし、"
    "初回利用登録の続きを行ってください。",
    link=("bank.first_login", "初回ログイン"),
)

# R-LOCKOUT: the login is locked; unlocking is out of band.
LOCKED = Problem(
    "R-LOCKOUT",
    "パスワードの誤入力が所定の回数に達したため、お取引を停止しております。"
    f"お取引店または{HELP_DESK}にお問い合わせください。",
)
