"""Rules of 初回ログイン (S-LOGIN1, P7) and ログイン (S-LOGIN, P17): the login ID and password match."""

from __future__ import annotations

from mockbank.rules.base import Problem

__all__ = [
    "LOGIN_MISMATCH",
]


# R-LOGIN-MATCH (S-LOGIN1, S-LOGIN): a wrong ID or password, without saying which; it counts towards R-LOCKOUT.
# A wrong password to a locked login gets it too: only the right password learns of the lock.
LOGIN_MISMATCH = Problem("R-LOGIN-MATCH", "ログインIDまたはログインパスワードに誤りがあります。再度ご入力ください。")
