"""The ワンタイムPW app's own checks (P15, P16): what 初期設定 and トークン表示名設定 accept, with the app's messages.

The manual gives the screens but not the app's messages; these are worded as the
app would, and never say which of サービスID, ユーザID or 利用開始パスワード was wrong
(only otp-auth.net knows, and it does not tell).
"""

from __future__ import annotations

import re
import unicodedata

from mockbank.applied import checks
from mockbank.issuer.setup import LOCKED, WRONG_SETUP
from mockbank.rules import Problem

MAX_TOKENS = 10  # R-APP-10: 1台につき10契約（他行含む）まで (§1, P16)
NAME_LENGTH = 20
DIGITS = re.compile(r"[0-9]+")
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
OFFLINE = Problem("ISSUER-DOWN", "通信エラーが発生しました。しばらくたってから再度お試しください。")
NAME_MISSING = Problem("R-APP-NAME", "トークン表示名を入力してください。", "name")
NAME_TOO_LONG = Problem("R-APP-NAME", f"トークン表示名は{NAME_LENGTH}文字以内で入力してください。", "name")
EXTRA_TOO_LONG = Problem("R-APP-NAME", f"追加文言は{NAME_LENGTH}文字以内で入力してください。", "extra")
NOTHING_CHOSEN = Problem("R-APP-SELECT", "表示するトークンを選択してください。", "token")
NO_TOKEN = Problem("R-APP-NAME", "表示名を設定するトークンがありません。初期設定からやり直してください。")
TOKEN_KEY = re.compile(r"[0-9A-Za-z:@._-]{1,64}")  # how the app names a token it holds: サービスID:ユーザID


def _digits(value: str, label: str, field: str, length: int) -> Problem | None:
    if not value:
        return Problem("R-APP-SETUP", f"{label}を入力してください。", field)
    if not DIGITS.fullmatch(value):
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
    return int(value) if DIGITS.fullmatch(value or "") and len(value) <= 3 else 0


def display_name(key: str, name: str, extra: str) -> list[Problem]:
    """トークン表示名設定 (P16): a display name of at most 20 characters, and an optional 追加文言 as long."""
    found = [] if TOKEN_KEY.fullmatch(key) else [NO_TOKEN]
    if not name.strip():
        found.append(NAME_MISSING)
    elif len(name) > NAME_LENGTH:
        found.append(NAME_TOO_LONG)
    elif not _shown_as_typed(name):
        found.append(Problem("R-APP-NAME", "トークン表示名に使用できない文字が含まれています。", "name"))
    if len(extra) > NAME_LENGTH:
        found.append(EXTRA_TOO_LONG)
    elif not _shown_as_typed(extra):
        found.append(Problem("R-APP-NAME", "追加文言に使用できない文字が含まれています。", "extra"))
    return found


def _shown_as_typed(text: str) -> bool:
    """Letters, digits, marks, punctuation, symbols and spaces (a full-width space too); no control characters."""
    return all(unicodedata.category(ch)[0] != "C" for ch in text)
