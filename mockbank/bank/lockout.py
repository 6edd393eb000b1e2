"""R-LOCKOUT: consecutive wrong passwords, one-time passwords, mailed passwords and secret answers lock the login;
unlocking is out of band (the branch; in tests the control API's POST /_control/customers/<id>/unlock).

Every route in asks `refuse_if_locked` once the customer has proven who they are (the right password, a
biometric credential, the account and passwords of a reissue): a locked customer gets the lock message there.

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


def refuse_if_locked(customer: Customer, screen: str) -> None:
    """R-LOCKOUT on every route in: a locked customer is refused with the lock message (and the attempt journalled).

    Call it only where the customer has already proven who they are, so that a stranger learns nothing of a lock.
    """
    if customer.locked:
        journal.record("locked_attempt", screen=screen, customer=customer, refused_as="R-LOCKOUT")
        db.session.commit()
        raise Refused(rules.LOCKED, customer=customer)


def unlock(customer: Customer) -> None:
    """Out of band (the branch, the help desk): the login works again and the count starts from nothing."""
    customer.locked = False
    customer.failed_attempts = 0
    journal.record("unlock", rule="R-LOCKOUT", customer=customer)
    db.session.commit()


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
