"""Rules of taking a login ID and logging in (P5–P7).

Half-width (半角) here means ASCII: letters A–Z a–z and digits 0–9. Anything
else — full-width letters or digits, kana, kanji, spaces, symbols — is not
半角英数字 (R-HANKAKU). Case matters everywhere (P5, P9).
"""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import HANKAKU_DIGITS, HELP_DESK, Problem, hankaku_alnum, mixed


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


@checks("R-HANKAKU")
def hankaku_entry(value: str, label: str, field: str) -> Problem | None:
    """R-HANKAKU: an existing login ID or password is typed in 半角英数字 (P5, P7, P17)."""
    if not value:
        return Problem("R-HANKAKU", f"{label}を入力してください。", field)
    if not hankaku_alnum(value):
        return Problem("R-HANKAKU", f"{label}は半角英数字で入力してください。", field)
    return None


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

# R-ID-UNIQUE (the manual is silent; every bank refuses a taken ID, without saying whose).
LOGIN_ID_TAKEN = Problem(
    "R-ID-UNIQUE",
    "ご指定のログインIDは既に使用されています。別のログインIDを入力してください。",
    "login_id",
)

# R-ACCT-MATCH: one message for any wrong part, so it never hints which part was wrong, nor that the
# account exists or is locked (only the right passwords learn of a lock).
ACCOUNT_MISMATCH = Problem(
    "R-ACCT-MATCH",
    "入力されたお申込代表口座またはパスワードに誤りがあります。内容をご確認の上、再度ご入力ください。",
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

# R-LOGIN-MATCH (S-LOGIN1, S-LOGIN): a wrong ID or password, without saying which; it counts towards R-LOCKOUT.
# A wrong password to a locked login gets it too: only the right password learns of the lock.
LOGIN_MISMATCH = Problem("R-LOGIN-MATCH", "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。")

# R-LOCKOUT: the login is locked; unlocking is out of band.
LOCKED = Problem(
    "R-LOCKOUT",
    "パスワードの誤入力が所定の回数に達したため、お取引を停止しております。"
    f"お取引店または{HELP_DESK}にお問い合わせください。",
)
