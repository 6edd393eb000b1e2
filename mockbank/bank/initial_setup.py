"""Initial-setup services for a new contract (P8–P11): secret Q&A, password change, customer information."""

from __future__ import annotations

from mockbank import applied, journal, rules
from mockbank.bank import lockout
from mockbank.bank.errors import Refused, refuse_if
from mockbank.bank.questions import QUESTIONS
from mockbank.db import db
from mockbank.models import STEP_INFO, STEP_OTP, STEP_PW, Customer, SecretAnswer
from mockbank.passwords import hash_secret, secret_matches


def register_secret_qa(customer: Customer, questions: list[str], answers: list[str], acknowledged: bool) -> None:
    """追加認証登録 (S-QA, P8): three different questions, three different full-width answers, kept as typed."""
    problems = rules.secret_qa(questions, answers, set(QUESTIONS))
    refuse_if(*problems, rules.acknowledged(acknowledged), customer=customer)
    customer.secret_answers = [
        SecretAnswer(question=q, answer_hash=hash_secret(a)) for q, a in zip(questions, answers, strict=False)
    ]
    applied.passed("R-QA-EXACT")  # each answer kept exactly as typed
    customer.step = STEP_PW
    journal.record("screen", screen="S-QA", customer=customer)
    db.session.commit()


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


def check_customer_info(
    customer: Customer, mail: str, mail_again: str, tel: list[str], limits: dict[int, str], select_email: bool
) -> dict:
    """お客さま情報登録 (S-INFO, P10): checks the entries and returns them for the confirmation screen; saves nothing."""
    problems = [rules.mail_address(mail, mail_again), rules.phone_number(tel)]
    for account in customer.accounts:
        label = f"{account.kind} {account.number}"
        problems.append(
            rules.transfer_limit(limits.get(account.id, ""), label, f"limit_{account.id}", customer.otp_card)
        )
    refuse_if(*problems, customer=customer)
    journal.record("checked", screen="S-INFO", customer=customer)  # nothing of the customer's is saved yet
    db.session.commit()
    return {
        "mail": mail,
        "tel": tel if any(tel) else [],
        "limits": {str(a.id): int(limits[a.id]) for a in customer.accounts},
        "select_email": select_email,
    }


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
