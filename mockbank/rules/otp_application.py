"""Rules of ワンタイムパスワード利用申請 (S-OTPAPP, P12) and 電話番号認証 (S-TEL, P13): start password, phone, the call."""

from __future__ import annotations

import unicodedata

from mockbank.applied import checks
from mockbank.rules.base import Problem, hankaku_digits

__all__ = [
    "CALL_WINDOW_SECONDS",
    "start_password",
    "phone_pick",
    "call_from",
    "call_in_time",
    "phone_digits",
    "last4",
    "masked_phone",
    "phone_choice",
    "TEL_NOT_VERIFIED",
    "TEL_EXPIRED",
    "TOKEN_FAILED",
    "ISSUER_UNAVAILABLE",
    "TOKEN_UNAVAILABLE",
    "MAIL_NOT_DELIVERED",
    "MAIL_RESEND_UNAVAILABLE",
]

CALL_WINDOW_SECONDS = 120  # 本画面が表示されてから120秒以内に、お電話ください。 (P13)


@checks("R-START-PW")
def start_password(value: str, again: str) -> Problem | None:
    """R-START-PW: 利用開始パスワード, 4–8 half-width digits (数字4~8桁, P12), typed twice."""
    if not value:
        return Problem("R-START-PW", "利用開始パスワードを入力してください。", "start_pw")
    if not (hankaku_digits(value) and 4 <= len(value) <= 8):
        return Problem("R-START-PW", "利用開始パスワードは半角数字4～8桁で入力してください。", "start_pw")
    if value != again:
        return Problem(
            "R-START-PW", "利用開始パスワードと利用開始パスワード (確認用) が一致しません。", "start_pw_again"
        )
    return None


@checks("R-TEL-PICK")
def phone_pick(value: str, registered_ids: list[int]) -> Problem | None:
    """R-TEL-PICK: the phone to call from is one of the customer's registered phones, picked by its row id."""
    if not value:
        return Problem("R-TEL-PICK", "電話番号を選択してください。", "phone")
    if not (hankaku_digits(value) and int(value) in registered_ids):
        return Problem("R-TEL-PICK", "ご登録電話番号の中から電話番号を選択してください。", "phone")
    return None


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


def phone_digits(number: str | None) -> str:
    """A phone number's digits, as the bank compares numbers: 090-1234-5678 and +81 90 1234 5678 are one number."""
    text = unicodedata.normalize("NFKC", number or "").strip()
    found = "".join(ch for ch in text if "0" <= ch <= "9")
    if text.startswith("+81"):
        found = "0" + found[2:]
    return found


def last4(number: str) -> str:
    """The last four digits of a phone number: all R-TEL-PICK lets a page show of it."""
    return phone_digits(number)[-4:]


def masked_phone(number: str) -> str:
    """ご登録電話番号 as S-TEL shows it (P13: ご登録電話番号 *****××××)."""
    return "*****" + last4(number)


def phone_choice(number: str) -> str:
    """A registered phone as S-OTPAPP offers it (P12: ●●●●●● △△△△, the last four digits only)."""
    return "●●●●●● " + last4(number)


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
    "ISSUER-REFUSED",
    "トークンを発行できませんでした。お手数ですが、再度ワンタイムパスワード利用申請を行ってください。",
)

# Not rules of the manual: otp-auth.net did not answer (down, slow beyond ISSUER_TIMEOUT, a server error).
ISSUER_UNAVAILABLE = Problem(
    "ISSUER-DOWN",
    "ただいまトークンを発行できません。しばらくしてから再度お手続きください。",
)
TOKEN_UNAVAILABLE = Problem(
    "ISSUER-DOWN",
    "ただいまトークンを発行できません。しばらくしてから「確定する」ボタンを押してください。",
)

# R-TOKEN-MAIL: the token mail could not be delivered (the mailbox refuses otp-auth.net, or the mail server is down).
MAIL_NOT_DELIVERED = Problem(
    "R-TOKEN-MAIL",
    "「青森みちのく銀行トークン発行ご案内」メールを送信できませんでした。"
    "otp-auth.net からのメールを受信できるよう設定のうえ、「メールを再送信する」ボタンを押してください。",
)

MAIL_RESEND_UNAVAILABLE = Problem(
    "ISSUER-DOWN",
    "ただいまメールを再送信できません。しばらくしてから再度「メールを再送信する」ボタンを押してください。",
)
