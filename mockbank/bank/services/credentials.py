"""A login's first factor and its end, shared by 初回ログイン (S-LOGIN1), ログイン (S-LOGIN) and S-MAILPW: ID, password, lockout."""

from __future__ import annotations

from mockbank import applied, clock, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.models import CONTRACT_NEW, STEP_DONE, STEP_FIRST_LOGIN, STEP_QA, Customer
from mockbank.bank.services import mail_password, risk_based_auth
from mockbank.db import db
from mockbank.devices import device_id
from mockbank.passwords import secret_matches


def check_credentials(login_id: str, password: str, screen: str) -> Customer:
    """R-HANKAKU, R-LOGIN-MATCH: the customer whose login ID and password these are; a wrong password counts (R-LOCKOUT).

    Only the right password learns of a lock. The count is not reset here: that waits for the whole login,
    so a second factor's failures (the app's code, the mailed password) run on from the password's.
    """
    refuse_if(
        rules.hankaku_entry(login_id, "ログインID", "login_id"),
        rules.hankaku_entry(password, "ログインパスワード", "login_pw"),
    )
    customer = db.session.scalar(db.select(Customer).where(Customer.login_id == login_id))
    if customer is None:
        raise Refused(rules.LOGIN_MISMATCH)
    if not secret_matches(customer.login_pw_hash, password):
        lockout.count_failure(customer, screen, rules.LOGIN_MISMATCH)
    if customer.locked:
        raise Refused(rules.LOCKED, customer=customer)
    return customer


def complete_login(customer: Customer, screen: str, *, otp: bool = False) -> Customer:
    """The customer is logged in (P7, P17): the count starts again, one session at a time, the login times move on."""
    lockout.check_password(customer, True, screen, rules.LOGIN_MISMATCH)
    _finish_first_login(customer)
    customer.session_number += 1  # one session at a time: a new login ends the older ones
    applied.passed("R-ONE-SESSION")
    customer.previous_login_at = customer.last_login_at  # S-HOME's 前回ログイン日時
    customer.last_login_at = clock.now().replace(tzinfo=None)
    mail_password.forget(customer)
    risk_based_auth.remember_device(customer)  # R-RBA: a device logged in from (onboarding's included) is known
    journal.record("login", screen=screen, customer=customer, step=customer.step, device=device_id(), otp=otp)
    db.session.commit()
    return customer


def _finish_first_login(customer: Customer) -> None:
    """初回ログイン (P7): a new contract goes on to 追加認証登録; an ID-initialised one is done."""
    if customer.step == STEP_FIRST_LOGIN:
        customer.step = STEP_QA if customer.contract == CONTRACT_NEW else STEP_DONE
