"""The customer's OTP applications, shared by S-OTPAPP, S-TEL, S-TOKEN, S-HOME and S-LOGIN: finding one, ending one.

One application is open at a time: a new submission supersedes the open one
(its pending token revoked at the issuer). The 利用開始パスワード goes to the
issuer only; the bank never keeps it. The bank holds no write transaction
while it waits for the issuer, which writes to the same world.
"""

from __future__ import annotations

from datetime import datetime

from mockbank import clock, journal
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.models import OTP_CANCELLED, OTP_ISSUED, OTP_OPEN, STEP_DONE, Customer, OtpApplication
from mockbank.db import db


def _open(customer: Customer):
    """The query for the customer's applications waiting for their call or their token (calling or verified)."""
    return db.select(OtpApplication).where(
        OtpApplication.customer_id == customer.id, OtpApplication.state.in_(OTP_OPEN)
    )


def open_applications(customer: Customer) -> list[OtpApplication]:
    """Every application of the customer's still waiting for its call or its token (one, unless two raced)."""
    return list(db.session.scalars(_open(customer)))


def open_application(customer: Customer) -> OtpApplication | None:
    """The customer's application waiting for its call or its token (calling or verified), if any."""
    return db.session.scalar(_open(customer).order_by(OtpApplication.id.desc()).limit(1))


def issued_application(customer: Customer) -> OtpApplication | None:
    """The customer's latest application whose token was issued (トークン発行, S-TOKEN, shows it)."""
    return db.session.scalar(
        db.select(OtpApplication)
        .where(OtpApplication.customer_id == customer.id, OtpApplication.state == OTP_ISSUED)
        .order_by(OtpApplication.id.desc())
        .limit(1)
    )


def without_token(customer: Customer) -> bool:
    """A customer using つないでネ！ット with no token issued may apply later, from the top page (P12)."""
    return customer.step == STEP_DONE and issued_application(customer) is None


def close(application: OtpApplication, state: str) -> None:
    """An application ends without a token: expired, superseded or failed (the caller commits)."""
    application.state = state
    application.closed_at = now()


def close_abandoned(customer: Customer) -> None:
    """A new login ends every older session, and with it the S-TEL an open application was waiting on (calling or
    verified, its call proved but never 確定): that application is abandoned. It closes now and its pending token is
    revoked, so the customer starts again at once, instead of it lingering until the issuer's 30 minutes are over
    (or being issued by a stale page)."""
    abandoned = open_applications(customer)
    if not abandoned:
        return
    states = [application.state for application in abandoned]
    for application in abandoned:
        close(application, OTP_CANCELLED)
    journal.record(
        "otp_abandoned", screen="S-TEL", customer=customer, applications=[a.id for a in abandoned], states=states
    )
    db.session.commit()
    for application in abandoned:
        revoke(application, "abandoned")


def revoke(application: OtpApplication, reason: str) -> None:
    """Revoke a closed application's pending token at the issuer; if it cannot be reached, the journal says so.

    The bank never issues a closed application's token, and the issuer lets a pending one expire by itself.
    """
    try:
        issuer_client().revoke_token(application.token, reason)
    except (IssuerUnavailable, IssuerRefused) as error:
        issuer_failed(None, application.customer_id, "revoke_token", error)


def issuer_failed(screen: str | None, customer, call: str, error: Exception) -> None:
    """Journal what the issuer did not do (nothing of the customer's is saved with it), and commit."""
    db.session.rollback()
    refused = isinstance(error, IssuerRefused)
    journal.record(
        "issuer_refused" if refused else "issuer_unavailable",
        screen=screen,
        customer=customer,
        call=call,
        error=str(error)[:200],
        **({"reason": error.reason, "status": error.status} if refused else {}),
    )
    db.session.commit()


def now() -> datetime:
    """World time, naive JST, as the bank's tables and the journal keep it."""
    return clock.now().replace(tzinfo=None)
