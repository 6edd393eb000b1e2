"""ワンタイムパスワード利用申請 (S-OTPAPP, P12): apply (a pending token from the issuer), supersede, cancel.

One application is open at a time: a new submission supersedes the open one
(its pending token revoked at the issuer). The 利用開始パスワード goes to the
issuer only; the bank never keeps it.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy.exc import IntegrityError

from mockbank import journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.models import OTP_CALLING, OTP_CANCELLED, OTP_SUPERSEDED, Customer, OtpApplication
from mockbank.bank.services.applications import close, issuer_failed, now, open_applications, revoke
from mockbank.db import db
from mockbank.passwords import secret_matches


def phone_choices(customer: Customer) -> list[tuple[int, str]]:
    """The registered phones to pick from (R-TEL-PICK): row id and last four digits, never the number."""
    return [(phone.id, rules.phone_choice(phone.number)) for phone in customer.phones]


def application_key(sent: str) -> str | None:
    """A form's application key as the bank made it (32 hex digits), else none."""
    return sent if re.fullmatch(r"[0-9a-f]{32}", sent or "") else None


def _by_key(customer: Customer, key: str) -> OtpApplication | None:
    """The customer's application made from the form with this key, if it was saved."""
    return db.session.scalar(
        db.select(OtpApplication).where(OtpApplication.customer_id == customer.id, OtpApplication.key == key)
    )


def apply(
    customer: Customer,
    mail: str,
    mail_again: str,
    start_pw: str,
    start_pw_again: str,
    phone_id: str,
    confirm_pw: str,
    key: str = "",
) -> OtpApplication:
    """S-OTPAPP (P12): check the entries and the confirm password, get a pending token, save the application.

    `key` is the filled-in form's own: the same form sent twice (a double tap, a retry after the issuer
    failed) is the same application — the issuer answers with the same token and nothing new is saved.
    """
    refuse_if(
        rules.mail_address(mail, mail_again),
        rules.start_password(start_pw, start_pw_again),
        rules.phone_pick(phone_id, [phone.id for phone in customer.phones]),
        rules.confirm_password_entry(confirm_pw),
        customer=customer,
    )
    right = secret_matches(customer.confirm_pw_hash, confirm_pw)
    # The customer is logged in: the attempt that locks may say so (and the lock ends the session).
    lockout.check_password(customer, right, "S-OTPAPP", rules.CONFIRM_PW_MISMATCH, reveal_lock=True)
    db.session.commit()  # the right password ends a run of failures; and no write is held while the issuer works
    return open_new(customer, mail, start_pw, phone_id, key)


def open_new(
    customer: Customer,
    mail: str,
    start_pw: str,
    phone_id: str,
    key: str = "",
    *,
    screen: str = "S-OTPAPP",
    reissue: bool = False,
) -> OtpApplication:
    """Entries checked: a pending token from the issuer and a new application in place of the open one (S-OTPAPP, S-REISSUE).

    `key` is the filled-in form's own: the same form sent twice is the same application. `reissue` (P20): the
    issuer knows the token as a reissue, which replaces the customer's other tokens once it is set up.
    """
    key = application_key(key) or uuid.uuid4().hex
    same = _by_key(customer, key)
    if same is not None and (same.mail, same.phone_id) != (mail, int(phone_id)):
        key, same = uuid.uuid4().hex, None  # the form was changed and sent again: a new application
    try:
        try:
            token = issuer_client().create_token(
                bank_ref=str(customer.id), application=key, mail=mail, start_password=start_pw, reissue=reissue
            )
        except IssuerRefused as error:
            if error.reason != "application_conflict":
                raise
            # The form was changed after the issuer took it (and then failed): that is a new application.
            key = uuid.uuid4().hex
            token = issuer_client().create_token(
                bank_ref=str(customer.id), application=key, mail=mail, start_password=start_pw, reissue=reissue
            )
    except (IssuerUnavailable, IssuerRefused) as error:
        issuer_failed(screen, customer, "create_token", error)
        raise Refused(rules.ISSUER_UNAVAILABLE, customer=customer) from error
    if same is not None and same.key == key and same.token == token["token"]:
        return same  # the same form again (a double tap): the issuer answered with the same token
    superseded = open_applications(customer)
    for old in superseded:
        close(old, OTP_SUPERSEDED)
    application = OtpApplication(
        customer_id=customer.id,
        key=key,
        mail=mail,
        phone_id=int(phone_id),
        state=OTP_CALLING,
        token=token["token"],
        service_id=str(token["service_id"]),
        user_id=str(token["user_id"]),
        created_at=now(),
    )
    db.session.add(application)
    try:
        db.session.flush()
    except IntegrityError:  # the same form, sent twice at once: the other request saved it
        db.session.rollback()
        return _by_key(customer, key)
    journal.record(
        "screen",
        screen=screen,
        customer=customer,
        application=application.id,
        superseded=[old.id for old in superseded],
    )
    db.session.commit()
    for old in superseded:
        revoke(old, "superseded")
    return application


def cancel_open(customer: Customer) -> None:
    """中止する on S-OTPAPP (R-CANCEL): an application still open (the back button from S-TEL) ends with it."""
    open_ones = open_applications(customer)
    for application in open_ones:
        close(application, OTP_CANCELLED)
    db.session.commit()
    for application in open_ones:
        revoke(application, "cancelled")
