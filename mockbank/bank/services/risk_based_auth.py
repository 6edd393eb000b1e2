"""ログイン時の追加認証 (S-RBA, §2(4), R-RBA): a login from a device the bank has not seen for the customer is asked
one of the customer's own secret questions before the top page.

"Unusual" is decided by the device alone: the identity the device gives the bank (`current_device()`) is not
among the devices the customer has logged in from or onboarded on (KnownDevice). The network is not modelled:
every phone of the suite comes from the same loopback address. The question is asked last, after the password and
whatever second factor the login takes (the app's code, the メール通知パスワード), so only someone who passed all
of them ever sees which questions a customer registered.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from mockbank import applied, clock, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import refuse_if
from mockbank.bank.models import Customer, KnownDevice, RbaQuestion
from mockbank.db import db
from mockbank.devices import keep_device, remembered_device
from mockbank.passwords import secret_matches

# A browser without a harness identity (a person's own phone) is known by a long-lived cookie of the bank's, as a
# real bank's risk engine knows a browser; clearing cookies or a private window makes it a new device.
COOKIE = "mockbank_bank_device"


@dataclass(frozen=True)
class QuestionAsked:
    """R-RBA: every factor of the login passed on a device the bank does not know; S-RBA asks the question next."""

    customer: Customer
    screen: str  # the login screen the attempt came from (S-LOGIN, S-MAILPW)
    otp: bool  # whether the app's code was part of the login (for the login's journal entry)


def current_device() -> str:
    """The identity of the device this request comes from: the harness's header, else the bank's own cookie."""
    return remembered_device(COOKIE)


def keep_device_cookie(response):
    """A browser without an identity of its own keeps the one the bank gave it (after every bank request)."""
    return keep_device(response, COOKIE)


def _known(customer: Customer, device: str) -> KnownDevice | None:
    return db.session.scalar(
        db.select(KnownDevice).where(KnownDevice.customer_id == customer.id, KnownDevice.device == device)
    )


def unusual(customer: Customer) -> bool:
    """R-RBA: whether this login comes from a device the bank has not seen for the customer.

    A customer with no secret questions (a new contract before 追加認証登録) cannot be asked: such a login is
    onboarding, which never comes here.
    """
    return bool(customer.secret_answers) and _known(customer, current_device()) is None


def remember_device(customer: Customer, device: str | None = None) -> None:
    """The customer has logged in (or onboarded) from this device: a known device from now on (the caller commits)."""
    device = device or current_device()
    now = clock.now().replace(tzinfo=None)
    known = _known(customer, device)
    if known is None:
        db.session.add(KnownDevice(customer_id=customer.id, device=device, first_seen_at=now, last_seen_at=now))
    else:
        known.last_seen_at = now


def known_devices(customer: Customer) -> list[KnownDevice]:
    """The devices the bank knows for the customer, first seen first."""
    query = db.select(KnownDevice).where(KnownDevice.customer_id == customer.id).order_by(KnownDevice.id)
    return list(db.session.scalars(query))


def ask(customer: Customer, screen: str, *, otp: bool = False) -> QuestionAsked:
    """R-RBA: hold the login before the top page; the customer's question is drawn (or the one already drawn kept)."""
    held = question_for(customer)
    journal.record(
        "rba_asked", screen=screen, rule="R-RBA", customer=customer, device=current_device(), question=held.question
    )
    db.session.commit()
    return QuestionAsked(customer, screen, otp)


def question_for(customer: Customer):
    """The secret question the customer is asked: drawn at random once, then the same until answered right."""
    held = db.session.scalar(db.select(RbaQuestion).where(RbaQuestion.customer_id == customer.id))
    if held is not None and held.answer in customer.secret_answers:
        return held.answer
    if held is not None:  # the answers were registered again since: draw from the new ones
        db.session.delete(held)
        db.session.flush()
    answer = secrets.choice(customer.secret_answers)
    db.session.add(RbaQuestion(customer_id=customer.id, answer_id=answer.id, asked_at=clock.now().replace(tzinfo=None)))
    db.session.flush()
    return answer


def check_answer(customer: Customer, typed: str) -> None:
    """R-RBA, R-QA-EXACT: the answer to the question held for the customer, exactly as registered.

    A malformed answer (not 全角, too long, empty) is refused on the screen and counts nothing, as a malformed
    password does. A well-formed wrong one counts towards R-LOCKOUT with the passwords and stops the login; a
    locked customer learns of the lock here, having passed the password already. A right one makes the device
    known and forgets the drawn question.
    """
    lockout.refuse_if_locked(customer, "S-RBA")
    refuse_if(rules.rba_answer(typed), customer=customer)
    held = question_for(customer)
    if not secret_matches(held.answer_hash, typed):
        lockout.count_failure(customer, "S-RBA", rules.RBA_MISMATCH, reveal_lock=True)
    applied.passed("R-RBA", "R-QA-EXACT")
    remember_device(customer)
    db.session.execute(db.delete(RbaQuestion).where(RbaQuestion.customer_id == customer.id))
