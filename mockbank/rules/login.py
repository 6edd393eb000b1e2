"""Rules of ログイン (S-LOGIN, P17, §1): the app's one-time password (R-LOGIN-MATCH itself is in common.py)."""

from __future__ import annotations

from mockbank.rules.base import ISSUER_DOWN, Problem
from mockbank.rules.common import LOGIN_MISMATCH

__all__ = [
    "OTP_MISMATCH_PC",
    "OTP_UNAVAILABLE",
    "TOKEN_LOCKED",
]


# R-OTP-PC (S-LOGIN, §1): a PC login of a customer using the OTP app without its good code. The same words as a
# wrong password (R-LOGIN-MATCH: which credential was wrong is never said); it counts towards R-LOCKOUT too.
OTP_MISMATCH_PC = Problem("R-OTP-PC", LOGIN_MISMATCH.message)

# Not a rule of the manual: otp-auth.net did not answer, so the bank cannot check the one-time password.
OTP_UNAVAILABLE = Problem(
    ISSUER_DOWN,
    "ただいまワンタイムパスワードを確認できません。しばらくたってから再度ログインしてください。",
)

# R-LOCKOUT (S-LOGIN): the app's token was locked at otp-auth.net by wrong codes. Said only after the right login
# ID and password, as the bank's own lock is; no code can help, so the customer is sent to reissue.
TOKEN_LOCKED = Problem(
    "R-LOCKOUT",
    "ワンタイムパスワードの誤入力が所定の回数に達したため、ワンタイムパスワードがロックされています。"
    "トークンの再発行のお手続きをお願いします。",
)
