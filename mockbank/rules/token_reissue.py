"""Rules of トークン再発行 (S-REISSUE, P20) and of the token it replaces (R-REISSUE-OLD).

S-REISSUE's entries are S-OTPAPP's (R-MAIL-TWICE, R-START-PW, R-TEL-PICK in common.py and otp_application.py);
what is its own: who may reissue, and what a customer whose token was revoked is told at ログイン.
"""

from __future__ import annotations

from mockbank.rules.base import HELP_DESK, Problem

__all__ = ["REISSUE_NOT_IN_USE", "TOKEN_REVOKED"]

# R-REISSUE: トークン再発行 is for a customer who uses つないでネ！ット (P20); one still in onboarding goes on there.
REISSUE_NOT_IN_USE = Problem(
    "R-REISSUE",
    "トークン再発行は、つないでネ！ットの初回利用登録がお済みのお客さまがご利用いただけます。"
    "初回ログイン画面から、初回利用登録の続きを行ってください。",
    link=("bank.first_login", "初回ログイン"),
)

# R-REISSUE-OLD: the customer's token was revoked (a reissue set up on another phone, or stopped by the bank):
# ログイン never lets them in on ID and password alone; they reissue the token.
TOKEN_REVOKED = Problem(
    "R-REISSUE-OLD",
    "ご利用のトークンは無効になっています。トークン再発行のお申込みを行ってください。"
    f"ご不明な点は{HELP_DESK}にお問い合わせください。",
    link=("bank.token_reissue_auth", "トークン再発行のお申込み"),
)
