"""Rules of ワンタイムパスワード利用申請 (S-OTPAPP, P12): the 利用開始パスワード and the registered phone to call from."""

from __future__ import annotations

from mockbank.applied import checks
from mockbank.rules.base import ISSUER_DOWN, Problem, hankaku_digits

__all__ = [
    "start_password",
    "phone_pick",
    "ISSUER_UNAVAILABLE",
]


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


# Not rules of the manual: otp-auth.net did not answer (down, slow beyond ISSUER_TIMEOUT, a server error).
ISSUER_UNAVAILABLE = Problem(
    ISSUER_DOWN,
    "ただいまトークンを発行できません。しばらくしてから再度お手続きください。",
)
