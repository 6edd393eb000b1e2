"""トークン再発行 (S-REISSUE, P20): a new application for a customer already using つないでネ！ット; the token in use.

The reissue is S-OTPAPP's application without the 確認用パスワード (the customer proved who they are on
S-REISSUE-AUTH): mail ×2, 利用開始パスワード ×2 and a registered phone, then the same 電話番号認証 (S-TEL) and
トークン発行 (S-TOKEN). Its token is a reissue at the issuer: until the new phone sets it up the old token
still logs in; once it is set up the issuer revokes the old one (R-REISSUE-OLD). 申込を中止する changes nothing
(R-CANCEL): an application the reissue opened is closed and its pending token revoked, the old token stays.
"""

from __future__ import annotations

from mockbank import applied, journal, rules
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.models import OTP_CANCELLED, OTP_ISSUED, OTP_OPEN, Customer, OtpApplication, TokenReissue
from mockbank.bank.services.applications import close, issuer_failed, now, revoke
from mockbank.bank.services.biometric_credentials import revoke_credentials
from mockbank.bank.services.otp_application import open_new
from mockbank.db import db

SCREEN = "S-REISSUE"
ACTIVATED, REVOKED = "activated", "revoked"  # the issuer's words for a token set up in an app, and one revoked


def apply(
    customer: Customer, mail: str, mail_again: str, start_pw: str, start_pw_again: str, phone_id: str, key: str = ""
) -> OtpApplication:
    """電話番号認証を行う (S-REISSUE): check the entries as S-OTPAPP does, then a reissue's application at the issuer."""
    refuse_if(
        rules.mail_address(mail, mail_again),
        rules.start_password(start_pw, start_pw_again),
        rules.phone_pick(phone_id, [phone.id for phone in customer.phones]),
        customer=customer,
    )
    db.session.commit()  # no write held while the issuer works
    application = open_new(customer, mail, start_pw, phone_id, key, screen=SCREEN, reissue=True)
    if db.session.scalar(db.select(TokenReissue.id).where(TokenReissue.application_id == application.id)) is None:
        db.session.add(TokenReissue(customer_id=customer.id, application_id=application.id, created_at=now()))
    applied.passed("R-REISSUE")
    journal.record("reissue_applied", screen=SCREEN, customer=customer, application=application.id)
    db.session.commit()
    return application


def cancel(customer: Customer | None) -> None:
    """申込を中止する (R-CANCEL): the reissue's open application, if any, ends with its pending token; nothing else."""
    if customer is None:
        return
    application = reissue_application(customer)
    if application is None or application.state not in OTP_OPEN:
        return
    close(application, OTP_CANCELLED)
    db.session.commit()
    revoke(application, "cancelled")


def reissue_application(customer: Customer) -> OtpApplication | None:
    """The application of the customer's latest reissue, if they started one."""
    reissue = db.session.scalar(
        db.select(TokenReissue).where(TokenReissue.customer_id == customer.id).order_by(TokenReissue.id.desc()).limit(1)
    )
    return reissue.application if reissue is not None else None


def token_in_use(customer: Customer, screen: str) -> str | None:
    """R-REISSUE-OLD: the issuer's reference to the token the customer logs in with, if any; a revoked one refuses.

    The customer's issued applications, newest first: the first token set up in an app is the one in use (a
    reissued token not yet set up leaves the old one working). A newest token the issuer revoked, with none
    set up after it, is refused: the customer is sent to reissue, never let in on ID and password alone. If
    the issuer cannot say, the login stops with the bank's message, nothing counted (fail closed).
    """
    issued = db.session.scalars(
        db.select(OtpApplication)
        .where(OtpApplication.customer_id == customer.id, OtpApplication.state == OTP_ISSUED)
        .order_by(OtpApplication.id.desc())
    )
    for application in issued:
        try:
            state = issuer_client().token(application.token).get("state")
        except (IssuerUnavailable, IssuerRefused) as error:
            issuer_failed(screen, customer, "token", error)
            raise Refused(rules.OTP_UNAVAILABLE, customer=customer) from error
        if state == ACTIVATED:
            _completed(customer, application)
            return application.token
        if state == REVOKED:
            raise Refused(rules.TOKEN_REVOKED, customer=customer)
    return None


def _completed(customer: Customer, application: OtpApplication) -> None:
    """The token in use is a reissue's, set up on the new phone: the bank notes the reissue complete, once.

    The issuer revoked the old token when the new one was set up; this is where the bank first learns of it
    (every login, the app's code or biometric, asks token_in_use first), and the old phone's biometric ends too.
    """
    reissue = db.session.scalar(
        db.select(TokenReissue).where(
            TokenReissue.application_id == application.id, TokenReissue.completed_at.is_(None)
        )
    )
    if reissue is None:
        return
    reissue.completed_at = now()
    revoke_credentials(customer)  # the old phone's biometric logins end with its token (R-REISSUE-OLD)
    journal.record("reissue_completed", rule="R-REISSUE-OLD", customer=customer, application=application.id)
    db.session.commit()
