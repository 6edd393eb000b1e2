"""Rules of the ワンタイムPW app's 初期設定 (A-SETUP, P15): サービスID, ユーザID, 利用開始パスワード, consent, room (R-APP-10).

The manual gives the screens but not the app's messages; these are worded as the
app would, and never say which of サービスID, ユーザID or 利用開始パスワード was wrong
(only otp-auth.net knows, and it does not tell).
"""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.issuer.setup import LOCKED, WRONG_SETUP
from mockbank.rules.base import ISSUER_DOWN, Problem, hankaku_digits
from mockbank.rules.common import MAX_TOKENS

SERVICE_ID_LENGTH, USER_ID_LENGTH, START_PW_LENGTH = 8, 16, 8

FULL = Problem("R-APP-10", "ワンタイムパスワードアプリに登録できるトークンは10件（他行を含む）までです。")
NO_CONSENT = Problem(
    "R-APP-SETUP",
    "ご利用の前に注意事項をご確認のうえ、「上記の内容に同意する。」にチェックを入れてください。",
    "consent",
)
WRONG = Problem("R-APP-SETUP", WRONG_SETUP)
TOKEN_LOCKED = Problem("R-APP-SETUP", LOCKED)
ALREADY_SET_UP = Problem(
    "R-APP-SETUP",
    "このトークンは既に初期設定されています。機種変更の場合は、ご利用のサービスでトークンの再発行を行ってください。",
)
NOT_USABLE = Problem(
    "R-APP-SETUP",
    "このトークンはご利用いただけません。ご利用のサービスでワンタイムパスワードの利用申請を行ってください。",
)
OFFLINE = Problem(ISSUER_DOWN, "通信エラーが発生しました。しばらくたってから再度お試しください。")


def _digits(value: str, label: str, field: str, length: int) -> Problem | None:
    """R-APP-SETUP: one of the token's values, given, in half-width digits, at most `length` of them."""
    if not value:
        return Problem("R-APP-SETUP", f"{label}を入力してください。", field)
    if not hankaku_digits(value):
        return Problem("R-APP-SETUP", f"{label}は半角数字で入力してください。", field)
    if len(value) > length:
        return Problem("R-APP-SETUP", f"{label}は{length}桁以内で入力してください。", field)
    return None


def setup_values(service_id: str, user_id: str, start_password: str) -> list[Problem]:
    """R-APP-SETUP (P15): サービスID, ユーザID and 利用開始パスワード are all given, in half-width digits."""
    found = [
        _digits(service_id, "サービスID", "service_id", SERVICE_ID_LENGTH),
        _digits(user_id, "ユーザID", "user_id", USER_ID_LENGTH),
        _digits(start_password, "利用開始パスワード", "start_pw", START_PW_LENGTH),
    ]
    return [p for p in found if p]


def consent(given: bool) -> Problem | None:
    """R-APP-SETUP (P15): 「上記の内容に同意する。」 is ticked."""
    return None if given else NO_CONSENT


@checks("R-APP-10")
def room_for_token(held: int) -> Problem | None:
    """R-APP-10 (§1, P16): the app holds fewer than 10 tokens (other banks' included) before one more is set up."""
    return FULL if held >= MAX_TOKENS else None


def held_count(value: str) -> int:
    """How many tokens the app says it holds (its own storage's count, sent with the form)."""
    return int(value) if hankaku_digits(value or "") and len(value) <= 3 else 0
