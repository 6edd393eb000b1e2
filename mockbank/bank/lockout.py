"""R-LOCKOUT: consecutive wrong passwords lock the login; unlocking is out of band."""
from __future__ import annotations

from flask import current_app

from mockbank import journal, rules
from mockbank.bank.errors import Refused
from mockbank.db import db
from mockbank.models import Customer


def refuse_if_locked(customer: Customer) -> None:
    """A locked customer gets the lock message, whatever they typed."""
    if customer.locked:
        raise Refused(rules.LOCKED, customer=customer)


def count_failure(customer: Customer, screen: str, problem: rules.Problem) -> None:
    """Count a wrong password (saved), lock at the limit, and refuse the submission."""
    customer.failed_attempts += 1
    if customer.failed_attempts >= current_app.config["LOCKOUT_LIMIT"]:
        customer.locked = True
        customer.session_number += 1  # every open session of the customer ends with the lock
        journal.record("lockout", screen=screen, rule="R-LOCKOUT", customer=customer,
                       failures=customer.failed_attempts)
    db.session.commit()
    raise Refused(rules.LOCKED if customer.locked else problem, customer=customer)


def clear_failures(customer: Customer) -> None:
    """A right password resets the count of consecutive failures."""
    customer.failed_attempts = 0
