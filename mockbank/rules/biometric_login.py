"""Rules of 生体認証ログイン (S-BIO-LOGIN, P19): a biometric that does not log in says no more than that (R-BIO-LOGIN)."""

from __future__ import annotations

from mockbank.rules.base import Problem

__all__ = ["BIO_LOGIN_FAILED", "BIO_LOGIN_EXPIRED"]

# R-BIO-LOGIN (P19): not recognised, cancelled, a credential the bank does not take (another phone's or customer's,
# revoked, copied) or a response it cannot verify: the same words for each, the customer stays logged out.
BIO_LOGIN_FAILED = Problem(
    "R-BIO-LOGIN",
    "生体認証でログインできませんでした。もう一度お試しいただくか、ログインID・ログインパスワードでログインしてください。",
)
# R-BIO-LOGIN: the prompt answered later than the bank waits (world time).
BIO_LOGIN_EXPIRED = Problem(
    "R-BIO-LOGIN", "一定時間が経過したため、ログインできませんでした。もう一度「生体認証でログイン」を押してください。"
)
