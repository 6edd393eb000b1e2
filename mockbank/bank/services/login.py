"""初回ログイン (S-LOGIN1, P7) and ログイン (S-LOGIN, P17): the login ID and password, lockout, and where next."""

from __future__ import annotations

from mockbank import applied, clock, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.steps import step_endpoint
from mockbank.db import db
from mockbank.devices import device_id
from mockbank.models import CONTRACT_NEW, STEP_DONE, STEP_FIRST_LOGIN, STEP_QA, Customer
from mockbank.passwords import secret_matches


def authenticate(login_id: str, password: str, screen: str) -> Customer:
    """The customer whose login ID and password these are (R-HANKAKU, R-LOGIN-MATCH); wrong ones count (R-LOCKOUT)."""
    refuse_if(
        rules.hankaku_entry(login_id, "ログインID", "login_id"),
        rules.hankaku_entry(password, "ログインパスワード", "login_pw"),
    )
    customer = db.session.scalar(db.select(Customer).where(Customer.login_id == login_id))
    if customer is None:
        raise Refused(rules.LOGIN_MISMATCH)
    lockout.check_password(customer, secret_matches(customer.login_pw_hash, password), screen, rules.LOGIN_MISMATCH)
    _finish_first_login(customer)
    customer.session_number += 1  # one session at a time: a new login ends the older ones
    applied.passed("R-ONE-SESSION")
    customer.last_login_at = clock.now().replace(tzinfo=None)
    journal.record("login", screen=screen, customer=customer, step=customer.step, device=device_id())
    db.session.commit()
    return customer


def _finish_first_login(customer: Customer) -> None:
    """初回ログイン (P7): a new contract goes on to 追加認証登録; an ID-initialised one is done."""
    if customer.step == STEP_FIRST_LOGIN:
        customer.step = STEP_QA if customer.contract == CONTRACT_NEW else STEP_DONE


def next_endpoint(customer: Customer) -> str:
    """Where a logged-in customer goes: the onboarding step they are at, else the top page."""
    return step_endpoint(customer.step)
