"""ログインID取得 (S-ID, P6): register a well-formed login ID, typed twice, unlike the passwords, not taken."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from mockbank import applied, journal, rules
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.models import STEP_FIRST_LOGIN, STEP_LOGIN_ID, Customer
from mockbank.bank.services.customer_info import already_has_login_id
from mockbank.db import db
from mockbank.passwords import secret_matches


def register_login_id(customer: Customer, login_id: str, again: str) -> None:
    """S-ID (P6): a well-formed login ID, typed twice, unlike the passwords, not taken by anyone."""
    if customer.step != STEP_LOGIN_ID:  # a stale session from before this customer took their ID
        raise Refused(already_has_login_id(customer), customer=customer)
    refuse_if(rules.login_id_format(login_id), customer=customer)
    refuse_if(rules.login_id_twice(login_id, again), customer=customer)
    if secret_matches(customer.login_pw_hash, login_id) or secret_matches(customer.confirm_pw_hash, login_id):
        raise Refused(rules.CREDENTIALS_NOT_DISTINCT, customer=customer)
    if db.session.scalar(db.select(Customer.id).where(Customer.login_id == login_id)):
        raise Refused(rules.LOGIN_ID_TAKEN, customer=customer)
    applied.passed("R-DISTINCT", "R-ID-UNIQUE")
    customer.login_id = login_id
    customer.step = STEP_FIRST_LOGIN
    journal.record("screen", screen="S-ID", customer=customer)
    try:
        db.session.commit()
    except IntegrityError:  # taken between the check and the write
        db.session.rollback()
        raise Refused(rules.LOGIN_ID_TAKEN, customer=customer) from None
