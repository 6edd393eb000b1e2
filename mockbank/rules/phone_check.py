"""Rules of 電話番号認証 (S-TEL, P13): the call from the picked number, within 120 s, before 確定する issues the token."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import ISSUER_DOWN, ISSUER_REFUSED, Problem
from mockbank.rules.common import phone_digits

__all__ = [
    "CALL_WINDOW_SECONDS",
    "call_from",
    "call_in_time",
    "TEL_NOT_VERIFIED",
    "TEL_EXPIRED",
    "TOKEN_FAILED",
    "TOKEN_UNAVAILABLE",
]

CALL_WINDOW_SECONDS = 120  # 本画面が表示されてから120秒以内に、お電話ください。 (P13)


@checks("R-TEL-CLI")
def call_from(caller: str | None, picked: str) -> Problem | None:
    """R-TEL-CLI: only a call showing the picked registered number proves it; 非通知 or another number does not."""
    if caller is None or not phone_digits(caller):
        return Problem("R-TEL-CLI", "電話番号が非通知設定になっている場合は認証できません。")
    if phone_digits(caller) != phone_digits(picked):
        return Problem("R-TEL-CLI", "選択したご登録電話番号以外からのお電話では認証できません。")
    return None


@checks("R-TEL-120")
def call_in_time(seconds: float | None) -> Problem | None:
    """R-TEL-120: the call comes within 120 s of world time after S-TEL first showed.

    「120秒以内」 includes 120: a call 120.0 s after the screen showed proves the
    application, one at 120.001 s does not. A call before the screen showed
    (`seconds` None or negative) is outside the window too: the window opens
    when the customer sees the number to call.
    """
    if seconds is None or not 0 <= seconds <= CALL_WINDOW_SECONDS:
        return TEL_EXPIRED
    return None


# R-TEL-AUTO: 確定する before the call proved the application.
TEL_NOT_VERIFIED = Problem(
    "R-TEL-AUTO",
    "電話番号認証が完了していません。ご登録電話番号から認証先電話番号にお電話のうえ、「確定する」ボタンを押してください。",
)

# R-TEL-120: no call from the picked phone within 120 s of the screen showing; the application is over.
TEL_EXPIRED = Problem(
    "R-TEL-120",
    "電話番号認証の有効期限が切れました。お手数ですが、再度ワンタイムパスワード利用申請を行ってください。",
)

# The issuer would not issue the application's token (it expired or was revoked there): start again.
TOKEN_FAILED = Problem(
    ISSUER_REFUSED,
    "トークンを発行できませんでした。お手数ですが、再度ワンタイムパスワード利用申請を行ってください。",
)

# Not a rule of the manual: otp-auth.net did not answer (down, slow beyond ISSUER_TIMEOUT, a server error).
TOKEN_UNAVAILABLE = Problem(
    ISSUER_DOWN,
    "ただいまトークンを発行できません。しばらくしてから「確定する」ボタンを押してください。",
)
