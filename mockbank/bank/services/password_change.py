"""パスワード変更 (S-PW, P9): a new contract replaces both temp passwords."""

from __future__ import annotations

from mockbank import applied, journal, rules
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.models import STEP_INFO, Customer
from mockbank.db import db
from mockbank.passwords import hash_secret, secret_matches


def change_passwords(customer: Customer, login_pw: str, login_again: str, confirm_pw: str, confirm_again: str) -> None:
    """パスワード変更 (S-PW, P9): both new passwords well formed, typed twice, unlike each other and the login ID."""
    refuse_if(
        rules.new_password(login_pw, login_again, "新しいログインパスワード", "login_pw"),
        rules.new_password(confirm_pw, confirm_again, "新しい確認用パスワード", "confirm_pw"),
        customer=customer,
    )
    refuse_if(rules.credentials_distinct(customer.login_id, login_pw, confirm_pw), customer=customer)
    temp_hashes = (customer.login_pw_hash, customer.confirm_pw_hash)
    if any(secret_matches(old, new) for old in temp_hashes for new in (login_pw, confirm_pw)):
        raise Refused(rules.NOT_CHANGED, customer=customer)  # neither printed password may stay in use
    applied.passed("R-PW-CHANGE")
    customer.login_pw_hash = hash_secret(login_pw)
    customer.confirm_pw_hash = hash_secret(confirm_pw)
    customer.step = STEP_INFO
    journal.record("screen", screen="S-PW", customer=customer)
    db.session.commit()
