"""お客さま情報登録確認 (S-INFO-OK, P11): 確認しました and the confirm password, then the entries are saved."""

from __future__ import annotations

from mockbank import applied, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import refuse_if
from mockbank.bank.models import STEP_OTP, Customer
from mockbank.db import db
from mockbank.passwords import secret_matches


def confirm_registration(customer: Customer, pending: dict, acknowledged: bool, confirm_pw: str) -> None:
    """お客さま情報登録確認 (S-INFO-OK, P11): 確認しました and the confirm password, then save and start メール通知パスワード."""
    refuse_if(rules.acknowledged(acknowledged), rules.confirm_password_entry(confirm_pw), customer=customer)
    right = secret_matches(customer.confirm_pw_hash, confirm_pw)
    # The customer is logged in: the attempt that locks may say so (and the lock ends the session).
    lockout.check_password(customer, right, "S-INFO-OK", rules.CONFIRM_PW_MISMATCH, reveal_lock=True)
    customer.mail = pending["mail"]
    customer.tel = "-".join(pending["tel"]) or None  # 連絡先電話番号 may be left blank (P10)
    for account in customer.accounts:
        account.transfer_limit = pending["limits"][str(account.id)]
    customer.select_email = pending["select_email"]
    customer.mail_password_active = True
    applied.passed("R-MAILPW")  # メール通知パスワード starts for PC logins without the OTP
    customer.step = STEP_OTP
    journal.record("screen", screen="S-INFO-OK", customer=customer)
    db.session.commit()
