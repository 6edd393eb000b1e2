"""R-LOCKOUT: consecutive wrong passwords lock the login; unlocking is out of band.

Only the right password learns of a lock (R-ACCT-MATCH, R-LOGIN-MATCH): a wrong one,
the one that locks included, gets the same message as an account or login ID that
does not exist, so a stranger can tell neither that it exists nor that it is locked.
"""

from __future__ import annotations

from flask import current_app

from mockbank import applied, journal, rules
from mockbank.bank.errors import Refused
from mockbank.bank.models import Customer
from mockbank.db import db


def check_password(
    customer: Customer, right: bool, screen: str, problem: rules.Problem, reveal_lock: bool = False
) -> None:
    """A wrong password is counted and refused with `problem`; a right one learns of a lock, else resets the count."""
    if not right:
        count_failure(customer, screen, problem, reveal_lock)
    if customer.locked:
        raise Refused(rules.LOCKED, customer=customer)
    applied.passed(problem.rule)
    if customer.failed_attempts:
        applied.passed("R-LOCKOUT")  # the right password ends a run of failures short of the lock
    customer.failed_attempts = 0  # the count is of consecutive failures


def count_failure(customer: Customer, screen: str, problem: rules.Problem, reveal_lock: bool = False) -> None:
    """Count a wrong password (saved), lock at the limit, and refuse the submission.

    The lock message is for a customer the bank already knows is at the screen (`reveal_lock`, a logged-in
    screen); elsewhere the submission gets `problem` whatever the lock. A locked login stays locked and its
    count stays where it locked: the attempt is only noted in the journal.
    """
    if customer.locked:
        journal.record("locked_attempt", screen=screen, customer=customer, refused_as=problem.rule)
    else:
        customer.failed_attempts += 1
        if customer.failed_attempts >= current_app.config["LOCKOUT_LIMIT"]:
            customer.locked = True
            customer.session_number += 1  # every open session of the customer ends with the lock
            journal.record(
                "lockout", screen=screen, rule="R-LOCKOUT", customer=customer, failures=customer.failed_attempts
            )
    db.session.commit()
    raise Refused(rules.LOCKED if reveal_lock and customer.locked else problem, customer=customer)
