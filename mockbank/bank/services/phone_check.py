"""電話番号認証 (S-TEL, P13): the 120 s window from the screen's first showing, its status, 確定する issues the token."""

from __future__ import annotations

from datetime import datetime

from mockbank import applied, journal, rules
from mockbank.bank.errors import Refused
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.models import (
    OTP_CALLING,
    OTP_EXPIRED,
    OTP_FAILED,
    OTP_ISSUED,
    OTP_VERIFIED,
    STEP_DONE,
    Customer,
    OtpApplication,
)
from mockbank.bank.services.applications import close, issuer_failed, now, revoke
from mockbank.db import db


class StartAgain(Exception):
    """The application is over (R-TEL-120 expired, or the issuer would not issue it): back to S-OTPAPP."""

    def __init__(self, problem: rules.Problem) -> None:
        super().__init__(problem.rule)
        self.problem = problem


def show(application: OtpApplication) -> None:
    """S-TEL shows: the first time starts the 120 s (R-TEL-120); a reload keeps the first time."""
    if application.shown_at is None:
        application.shown_at = now()
        db.session.commit()


def seconds_since_shown(application: OtpApplication, at: datetime | None = None) -> float | None:
    """World seconds from S-TEL's first showing to `at` (now), or None if it has not shown."""
    if application.shown_at is None:
        return None
    return ((at or now()) - application.shown_at).total_seconds()


def window_over(application: OtpApplication) -> bool:
    """R-TEL-120: an application still waiting for its call whose 120 s have run out."""
    seconds = seconds_since_shown(application)
    return application.state == OTP_CALLING and seconds is not None and seconds > rules.CALL_WINDOW_SECONDS


def expire_if_over(customer: Customer, application: OtpApplication) -> bool:
    """R-TEL-120: past its 120 s without a proving call, the application expires (its token revoked); True if so."""
    if not window_over(application):
        return False
    seconds = seconds_since_shown(application)
    close(application, OTP_EXPIRED)
    journal.record(
        "refused",
        screen="S-TEL",
        rule="R-TEL-120",
        customer=customer,
        application=application.id,
        seconds=round(seconds, 3),
    )
    db.session.commit()
    revoke(application, "expired")
    return True


def status(application: OtpApplication | None) -> dict:
    """R-TEL-AUTO: what S-TEL asks every second: calling, verified, expired (or none), and the seconds left."""
    if application is None:
        return {"state": "none", "seconds_left": None}
    seconds = seconds_since_shown(application)
    state = OTP_EXPIRED if window_over(application) else application.state
    left = None if seconds is None or state != OTP_CALLING else max(0.0, rules.CALL_WINDOW_SECONDS - seconds)
    return {"state": state, "seconds_left": left}


def confirm(customer: Customer, application: OtpApplication, auto: bool) -> None:
    """確定する (R-TEL-AUTO), pressed or sent by S-TEL itself: a verified application gets its token issued."""
    if application.state != OTP_VERIFIED:
        raise Refused(rules.TEL_NOT_VERIFIED, customer=customer)
    db.session.commit()  # no write held while the issuer works
    try:
        answer = issuer_client().issue_token(application.token)
    except IssuerUnavailable as error:
        issuer_failed("S-TEL", customer, "issue_token", error)
        raise Refused(rules.TOKEN_UNAVAILABLE, customer=customer) from error
    except IssuerRefused as error:
        issuer_failed("S-TEL", customer, "issue_token", error)
        close(application, OTP_FAILED)
        journal.record("refused", screen="S-TEL", rule=rules.TOKEN_FAILED.rule, customer=customer, reason=error.reason)
        db.session.commit()
        raise StartAgain(rules.TOKEN_FAILED) from error
    application.state = OTP_ISSUED
    application.issued_at = now()
    application.service_id = str(answer.get("service_id") or application.service_id)
    application.user_id = str(answer.get("user_id") or application.user_id)
    application.mail_delivered = answer.get("mail_delivered")
    customer.step = STEP_DONE
    applied.passed("R-TEL-AUTO")
    journal.record(
        "screen",
        screen="S-TEL",
        customer=customer,
        application=application.id,
        auto=auto,
        mail_delivered=application.mail_delivered,
    )
    db.session.commit()
