"""otp-auth.net's tokens (P13): created pending, issued with their mail, revoked, described."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

import pyotp
from flask import current_app
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from mockbank import journal
from mockbank.db import db
from mockbank.issuer.common import (
    MAX_REF,
    SERVICE_ID,
    START_PASSWORD,
    IssuerError,
    _customer,
    _iso,
    _mail,
    _now,
    _text,
    bad_request,
)
from mockbank.issuer.models import ACTIVATED, EXPIRED, ISSUED, PENDING, REVOKED, IssuerToken
from mockbank.links import public_url
from mockbank.mail import OTP_DOMAIN
from mockbank.mail.sender import send_mail
from mockbank.parties import PARTIES
from mockbank.passwords import hash_secret, secret_matches

MAIL_SENDER = f"info@{OTP_DOMAIN}"  # R-TOKEN-MAIL: the domain §1 asks customers to accept
MAIL_SENDER_NAME = "ワンタイムパスワード発行センター"
# P12's name for the mail of a new application, word for word; P20's for the mail of a token reissue (S-REISSUE).
MAIL_SUBJECT = "青森みちのく銀行トークン発行ご案内"
REISSUE_MAIL_SUBJECT = "青森みちのく銀行トークン発行のご案内"
MAIL_TEMPLATE = "issuer/mail/token_issued.txt"


# --- tokens: created pending, issued after the phone check, revoked when superseded ---------------------------


def create_token(bank_ref, application, mail, start_password, reissue=False) -> tuple[IssuerToken, bool]:
    """The application's token, and whether it was created now: a new PENDING one, or the one it already has.

    `reissue` (トークン再発行, P20): once set up, the new token replaces every other token of the bank's customer.
    """
    if not isinstance(reissue, bool):
        raise bad_request("reissue must be true or false")
    bank_ref = _text(bank_ref, "bank_ref", MAX_REF)
    application = _text(application, "application", MAX_REF)
    mail = _mail(mail)
    if not isinstance(start_password, str) or not START_PASSWORD.fullmatch(start_password):
        raise bad_request("start_password must be 4 to 8 ASCII digits")
    existing = _by_application(application)
    if existing is not None:
        return _same_application(existing, bank_ref, mail, start_password), False
    token = IssuerToken(
        token=uuid.uuid4().hex,
        bank_ref=bank_ref,
        application=application,
        mail=mail,
        start_password_hash=hash_secret(start_password),
        service_id=SERVICE_ID,
        user_id=_new_user_id(),
        secret=pyotp.random_base32(),
        state=PENDING,
        created_at=_now(),
        reissue=reissue,
    )
    db.session.add(token)
    try:
        db.session.flush()
    except IntegrityError:  # the same application came in twice at once: the first one's token stands
        db.session.rollback()
        existing = _by_application(application)
        if existing is None:
            raise
        return _same_application(existing, bank_ref, mail, start_password), False
    journal.record(
        "token_created",
        customer=_customer(bank_ref),
        token=token.token,
        application=application,
        service_id=token.service_id,
        user_id=token.user_id,
        mail=mail,
        **({"reissue": True} if reissue else {}),
    )
    db.session.commit()
    return token, True


def create_pending(bank_ref: str, application: str, mail: str, start_password: str) -> IssuerToken:
    """A PENDING token for the bank's application (the one it has if it has one already)."""
    return create_token(bank_ref, application, mail, start_password)[0]


def issue(token_ref, *, notify: bool = True) -> tuple[IssuerToken, bool]:
    """pending → issued, and mail 「青森みちのく銀行トークン発行ご案内」 (R-TOKEN-MAIL); (token, mail delivered).

    An issued (or since activated) token comes back as it is, with no second mail. An expired or revoked
    one is a 409. With notify=False (a persona seeded already past its mail) no mail goes out.
    """
    token = get(token_ref)
    state = state_of(token)
    if state in (ISSUED, ACTIVATED):
        return token, bool(token.mail_delivered)
    if state != PENDING:
        raise IssuerError(409, state, f"the token is {state} and cannot be issued")
    claimed = db.session.execute(
        update(IssuerToken)
        .where(IssuerToken.id == token.id, IssuerToken.state == PENDING)
        .values(state=ISSUED, issued_at=_now())
    ).rowcount
    db.session.commit()  # before the mail: the capturing SMTP server writes to this same database
    db.session.refresh(token)
    if not claimed:  # issued by a call that came in at the same time: it sends the one mail
        return token, bool(token.mail_delivered)
    delivered = _send_issue_mail(token) if notify else False
    token.mail_delivered = delivered
    journal.record(
        "token_issued",
        customer=_customer(token.bank_ref),
        token=token.token,
        application=token.application,
        user_id=token.user_id,
        mail=token.mail,
        mail_delivered=delivered,
        **({} if notify else {"mail_sent": False}),
    )
    db.session.commit()
    return token, delivered


def resend_mail(token_ref) -> tuple[IssuerToken, bool]:
    """Send the token mail again to an issued token's address (the first could not be delivered); (token, delivered)."""
    token = get(token_ref)
    if state_of(token) not in (ISSUED, ACTIVATED):
        raise IssuerError(409, state_of(token), f"the token is {state_of(token)}: there is no token mail to send")
    delivered = _send_issue_mail(token)
    token.mail_delivered = bool(token.mail_delivered) or delivered
    journal.record("token_mail_resent", customer=_customer(token.bank_ref), token=token.token, mail_delivered=delivered)
    db.session.commit()
    return token, delivered


def replace_others(token: IssuerToken) -> list[IssuerToken]:
    """R-REISSUE-OLD: a reissued token, set up now, revokes its customer's other tokens for good (the caller commits).

    Each revoked one names the token that replaced it, so that a code of the old phone is told apart (codes.py)
    and the old phone's app can say its token is no longer valid (app_state).
    """
    if not token.reissue:
        return []
    others = list(
        db.session.scalars(
            db.select(IssuerToken).where(
                IssuerToken.bank_ref == token.bank_ref, IssuerToken.id != token.id, IssuerToken.state != REVOKED
            )
        )
    )
    for old in others:
        was = state_of(old)
        old.state, old.revoked_at, old.replaced_by = REVOKED, _now(), token.token
        journal.record(
            "token_revoked",
            rule="R-REISSUE-OLD",
            customer=_customer(old.bank_ref),
            token=old.token,
            was=was,
            reason="reissued",
            replaced_by=token.token,
        )
    return others


def revoke(token_ref, reason: str | None = None) -> IssuerToken:
    """Any state → revoked, for good (a superseded or abandoned application, a reissue); again is a no-op."""
    token = get(token_ref)
    if token.state != REVOKED:
        was = state_of(token)
        token.state, token.revoked_at = REVOKED, _now()
        detail = {"reason": str(reason)[:MAX_REF]} if reason else {}
        journal.record("token_revoked", customer=_customer(token.bank_ref), token=token.token, was=was, **detail)
        db.session.commit()
    return token


def get(token_ref) -> IssuerToken:
    """A token by its opaque reference (or the token itself); 404 if the issuer has none such."""
    if isinstance(token_ref, IssuerToken):
        return token_ref
    token = db.session.scalar(db.select(IssuerToken).where(IssuerToken.token == str(token_ref)))
    if token is None:
        raise IssuerError(404, "not_found", "no such token")
    return token


def state_of(token: IssuerToken) -> str:
    """pending, issued, activated or revoked as stored; a pending token past its time reads expired (world clock)."""
    if token.state == PENDING:
        minutes = float(current_app.config["ISSUER_PENDING_MINUTES"])
        if _now() >= token.created_at + timedelta(minutes=minutes):
            return EXPIRED
    return token.state


def public(token: IssuerToken) -> dict:
    """What every answer about a token says: its reference, サービスID, ユーザID and state."""
    return {"token": token.token, "service_id": token.service_id, "user_id": token.user_id, "state": state_of(token)}


def describe(token_ref) -> dict:
    """The token as the bank and the control API see it: never the secret, never the start password."""
    token = get(token_ref)
    return {
        **public(token),
        "mail": token.mail,
        "issued_at": _iso(token.issued_at),
        "mail_delivered": token.mail_delivered,
        "activated_at": _iso(token.activated_at),
        "device": token.device,
        "locked": token.locked_at is not None,
        "bank_ref": token.bank_ref,
        "application": token.application,
    }


def download_url() -> str:
    """Where the mail sends the customer for the app (P14): APP_DOWNLOAD_URL, else the issuer's own address."""
    configured = current_app.config.get("APP_DOWNLOAD_URL")
    if configured:
        return configured
    return public_url() + PARTIES["app"].prefix + "/download"


# --- helpers ------------------------------------------------------------------------------------------------------


def _send_issue_mail(token: IssuerToken) -> bool:
    """The token mail from otp-auth.net: サービスID, ユーザID and the app's download address; False if refused."""
    return send_mail(
        token.mail,
        MAIL_SENDER,
        MAIL_SENDER_NAME,
        REISSUE_MAIL_SUBJECT if token.reissue else MAIL_SUBJECT,
        MAIL_TEMPLATE,
        service_id=token.service_id,
        user_id=token.user_id,
        download_url=download_url(),
    )


def _same_application(token: IssuerToken, bank_ref: str, mail: str, start_password: str) -> IssuerToken:
    """The token an application already has, when asked again with the same values; other values are a 409."""
    same = (
        token.bank_ref == bank_ref
        and token.mail.lower() == mail.lower()
        and secret_matches(token.start_password_hash, start_password)
    )
    if not same:
        raise IssuerError(409, "application_conflict", "this application already has a token, for other values")
    return token


def _by_application(application: str) -> IssuerToken | None:
    return db.session.scalar(db.select(IssuerToken).where(IssuerToken.application == application))


def _new_user_id() -> str:
    """A ユーザID no token has yet: 7 digits, as P13 shows (0117000)."""
    while True:
        candidate = f"{secrets.randbelow(10**7):07d}"
        if db.session.scalar(db.select(IssuerToken.id).where(IssuerToken.user_id == candidate)) is None:
            return candidate
