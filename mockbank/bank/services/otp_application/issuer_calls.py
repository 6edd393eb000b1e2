"""ワンタイムパスワード利用申請 (S-OTPAPP, P12), 電話番号認証 (S-TEL, P13), S-TOKEN: closing an application, the issuer's failures, world time."""

from __future__ import annotations

from datetime import datetime

from mockbank import clock, journal
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.db import db
from mockbank.models import OtpApplication

# --- helpers ----------------------------------------------------------------------------------------------------


def _close(application: OtpApplication, state: str) -> None:
    """An application ends without a token: expired, superseded or failed (the caller commits)."""
    application.state = state
    application.closed_at = _now()


def _revoke(application: OtpApplication, reason: str) -> None:
    """Revoke a closed application's pending token at the issuer; if it cannot be reached, the journal says so.

    The bank never issues a closed application's token, and the issuer lets a pending one expire by itself.
    """
    try:
        issuer_client().revoke_token(application.token, reason)
    except (IssuerUnavailable, IssuerRefused) as error:
        _issuer_failed(None, application.customer_id, "revoke_token", error)


def _issuer_failed(screen: str | None, customer, call: str, error: Exception) -> None:
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


def _now() -> datetime:
    """World time, naive JST, as the bank's tables and the journal keep it."""
    return clock.now().replace(tzinfo=None)
