"""お客様情報入力 (SID001, P5): check the applicant's representative account and passwords (R-ACCT-*, R-CRED-SHARED)."""

from __future__ import annotations

from typing import NamedTuple

from mockbank import applied, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.models import STEP_DONE, STEP_LOGIN_ID, Account, Customer
from mockbank.bank.services import risk_based_auth
from mockbank.bank.services.applications import without_token
from mockbank.bank.services.credentials import complete_login
from mockbank.db import db
from mockbank.devices import is_pc
from mockbank.passwords import secret_matches


class Applicant(NamedTuple):
    """Who SID001 let on, and whether a secret question comes first (R-RBA: a customer using the service, on a
    device the bank has not seen for them)."""

    customer: Customer
    asked_first: bool


def verify_applicant(branch: str, kind: str, number: str, login_pw: str, confirm_pw: str) -> Applicant:
    """SID001 (P5): the representative account and its (temp or latest) passwords must match."""
    refuse_if(
        rules.branch_code(branch),
        rules.account_number(number),
        rules.hankaku_entry(login_pw, "(仮) ログインパスワード", "login_pw"),
        rules.hankaku_entry(confirm_pw, "(仮) 確認用パスワード", "confirm_pw"),
    )
    account = db.session.scalar(
        db.select(Account).where(
            Account.branch_code == branch,
            Account.kind == kind,
            Account.number == number,
            Account.representative.is_(True),
        )
    )
    if account is None:
        raise Refused(rules.ACCOUNT_MISMATCH)
    customer = account.customer
    right = secret_matches(customer.login_pw_hash, login_pw) and secret_matches(customer.confirm_pw_hash, confirm_pw)
    lockout.check_password(customer, right, "SID001", rules.ACCOUNT_MISMATCH)
    using = customer.step != STEP_LOGIN_ID  # already has a login ID: only keeps_credentials lets them on
    if using and not keeps_credentials(customer):
        db.session.commit()
        raise Refused(already_has_login_id(customer), customer=customer)
    journal.record("screen", screen="SID001", customer=customer)
    asked_first = using and risk_based_auth.unusual(customer)
    if using:
        applied.passed("R-CRED-SHARED")
        if not asked_first:  # else S-RBA asks first, and the login completes there (R-RBA)
            complete_login(customer, "SID001")
    else:
        risk_based_auth.remember_device(customer)  # R-RBA: a device of onboarding is known
    db.session.commit()
    return Applicant(customer, asked_first)


def keeps_credentials(customer: Customer) -> bool:
    """P5 <既にモバイルバンキングでご利用のお客様さま>, §1(1): a customer already using the service, with no token yet,
    goes on from SID001 on a smartphone to the OTP application with the login ID and passwords they have.

    On a PC the login's メール通知パスワード stays the way in (R-MAILPW); with a token, the app's code is (R-OTP-PC).
    """
    return customer.step == STEP_DONE and without_token(customer) and not is_pc()


def already_has_login_id(customer: Customer) -> rules.Problem:
    """R-CRED-SHARED: a customer with a login ID logs in with it; 初回ログイン until the registration is done."""
    return rules.LOGIN_ID_ALREADY_TAKEN if customer.step == STEP_DONE else rules.LOGIN_ID_SETUP_PENDING
