"""メール通知パスワード (S-MAILPW, §1, R-MAILPW): mailed for a PC login without the app, good once for 10 minutes."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import update

from mockbank import applied, clock, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.models import Customer
from mockbank.bank.notices import NOTICE_SENDER, NOTICE_SENDER_NAME
from mockbank.db import db
from mockbank.mail.sender import send_mail
from mockbank.passwords import hash_secret, secret_matches

DIGITS = 8
VALID_MINUTES = 10
SUBJECT = "【青森みちのく銀行】メール通知パスワードのお知らせ"


def needed(customer: Customer) -> bool:
    """R-MAILPW: a PC login of a customer with a registered mail and no token in use waits for the mailed password."""
    return bool(customer.mail_password_active and customer.mail)


def start(customer: Customer, screen: str) -> str:
    """Mail a fresh メール通知パスワード from am-bk.co.jp, replacing any earlier one; the key of this login attempt.

    Only its hash is kept, with its expiry (world time) and the attempt it belongs to. Not delivered (the
    mailbox refuses am-bk.co.jp, the mail server is down) → refused, nothing kept.
    """
    password = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
    attempt = secrets.token_hex(16)
    expires_at = _now() + timedelta(minutes=VALID_MINUTES)
    customer.mail_pw_hash = hash_secret(password)
    customer.mail_pw_expires_at = expires_at
    customer.mail_pw_attempt = attempt
    applied.passed("R-MAILPW")  # a PC login without the app: the mail password is sent
    journal.record("mail_password", screen=screen, customer=customer, expires_at=expires_at.isoformat())
    delivered = send_mail(
        customer.mail,
        NOTICE_SENDER,
        NOTICE_SENDER_NAME,
        SUBJECT,
        "mail/messages/mail_password.txt",
        customer=customer,
        password=password,
        expires_at=expires_at,
        minutes=VALID_MINUTES,
    )
    if not delivered:
        forget(customer)
        db.session.commit()
        raise Refused(rules.MAIL_PASSWORD_NOT_DELIVERED, customer=customer)
    return attempt


def check(customer: Customer, attempt: str | None, typed: str) -> None:
    """R-MAILPW: the password mailed for this login attempt, within its 10 minutes, once; a wrong one counts (R-LOCKOUT).

    Expired, used, or replaced by a newer attempt → the customer starts the login again. The customer is
    known to have passed their login ID and password, so the count's lock is said when it comes.
    """
    refuse_if(rules.mail_password_entry(typed), customer=customer)
    if customer.locked:
        raise Refused(rules.LOCKED, customer=customer)
    current = (
        customer.mail_pw_hash is not None
        and attempt is not None
        and customer.mail_pw_attempt == attempt
        and customer.mail_pw_expires_at is not None
        and _now() <= customer.mail_pw_expires_at
    )
    if not current:
        raise Refused(rules.MAIL_PASSWORD_ENDED, customer=customer)
    if not secret_matches(customer.mail_pw_hash, typed):
        lockout.count_failure(customer, "S-MAILPW", rules.MAIL_PASSWORD_MISMATCH, reveal_lock=True)
    used = db.session.execute(  # once: of two submissions racing with the right password, one wins
        update(Customer)
        .where(Customer.id == customer.id, Customer.mail_pw_attempt == attempt, Customer.mail_pw_hash.is_not(None))
        .values(mail_pw_hash=None, mail_pw_expires_at=None, mail_pw_attempt=None)
        .execution_options(synchronize_session="fetch")
    ).rowcount
    if not used:
        raise Refused(rules.MAIL_PASSWORD_ENDED, customer=customer)
    applied.passed("R-MAILPW")


def forget(customer: Customer) -> None:
    """No メール通知パスワード outstanding: not delivered, or a login done anywhere ended it (the caller commits)."""
    customer.mail_pw_hash = customer.mail_pw_expires_at = customer.mail_pw_attempt = None


def masked(address: str | None) -> str:
    """The registered address as S-MAILPW shows it: the local part's first two characters, then ***."""
    local, _, domain = (address or "").rpartition("@")
    return f"{local[: 2 if len(local) > 2 else 1]}***@{domain}" if local else "***"


def _now() -> datetime:
    """World time, naive JST, as the bank's tables keep it."""
    return clock.now().replace(tzinfo=None)
