"""お客さま情報登録 (S-INFO, P10): check the entries for the confirmation screen; nothing is saved yet."""

from __future__ import annotations

from mockbank import journal, rules
from mockbank.bank.errors import refuse_if
from mockbank.bank.models import Customer
from mockbank.db import db


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
