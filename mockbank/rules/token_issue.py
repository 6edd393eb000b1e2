"""Rules of トークン発行 (S-TOKEN, P13): the token mail that did not arrive, and sending it again (R-TOKEN-MAIL)."""

from __future__ import annotations

from mockbank.rules.base import ISSUER_DOWN, Problem

__all__ = [
    "MAIL_NOT_DELIVERED",
    "MAIL_RESEND_UNAVAILABLE",
]


# R-TOKEN-MAIL: the token mail could not be delivered (the mailbox refuses otp-auth.net, or the mail server is down).
MAIL_NOT_DELIVERED = Problem(
    "R-TOKEN-MAIL",
    "「青森みちのく銀行トークン発行ご案内」メールを送信できませんでした。"
    "otp-auth.net からのメールを受信できるよう設定のうえ、「メールを再送信する」ボタンを押してください。",
)

MAIL_RESEND_UNAVAILABLE = Problem(
    ISSUER_DOWN,
    "ただいまメールを再送信できません。しばらくしてから再度「メールを再送信する」ボタンを押してください。",
)
