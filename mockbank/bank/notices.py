"""Notices the bank mails from am-bk.co.jp (§1)."""

from __future__ import annotations

from mockbank.bank.models import Customer
from mockbank.mail import BANK_DOMAIN
from mockbank.mail.sender import send_mail

NOTICE_SENDER = f"info@{BANK_DOMAIN}"
NOTICE_SENDER_NAME = "青森みちのく銀行"


def send_mail_registered(customer: Customer) -> bool:
    """R-MAILPW: the address is registered and メール通知パスワード starts for PC logins (P11)."""
    return send_mail(
        customer.mail,
        NOTICE_SENDER,
        NOTICE_SENDER_NAME,
        "【青森みちのく銀行】メールアドレス登録のお知らせ",
        "mail/messages/mail_registered.txt",
        customer=customer,
    )
