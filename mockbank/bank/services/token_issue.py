"""トークン発行 (S-TOKEN, P13): the token's IDs are shown; the token mail again when the first did not arrive."""

from __future__ import annotations

from mockbank import journal, rules
from mockbank.bank.errors import Refused
from mockbank.bank.issuer_client import IssuerRefused, IssuerUnavailable, issuer_client
from mockbank.bank.models import Customer, OtpApplication
from mockbank.bank.services.applications import issuer_failed
from mockbank.db import db


def resend_token_mail(customer: Customer, application: OtpApplication) -> None:
    """トークン発行 (S-TOKEN): the issuer sends the token mail again when the first did not arrive (R-TOKEN-MAIL)."""
    db.session.commit()  # no write held while the issuer works
    try:
        answer = issuer_client().resend_mail(application.token)
    except (IssuerUnavailable, IssuerRefused) as error:
        issuer_failed("S-TOKEN", customer, "resend_mail", error)
        raise Refused(rules.MAIL_RESEND_UNAVAILABLE, customer=customer) from error
    application.mail_delivered = bool(answer.get("mail_delivered"))
    journal.record("mail_resend", screen="S-TOKEN", customer=customer, mail_delivered=application.mail_delivered)
    db.session.commit()
