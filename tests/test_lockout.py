"""R-LOCKOUT below the screens: every password check goes through lockout.check_password, S-INFO-OK included."""

from __future__ import annotations

import pytest

from mockbank import rules
from mockbank.bank.errors import Refused
from mockbank.bank.models import Customer
from mockbank.bank.services.customer_registration_confirm import confirm_registration
from mockbank.db import db


def test_the_confirmation_refuses_a_locked_customer_even_with_the_right_confirm_password(app, seed):
    # The screens never let a locked customer reach S-INFO-OK (their session ends with the lock); the service
    # does not rely on that.
    persona = seed("new", step="info")
    with app.app_context():
        customer = db.session.get(Customer, persona["customer_id"])
        customer.locked, customer.failed_attempts = True, 5
        db.session.commit()
        pending = {
            "mail": "taro@example.jp",
            "tel": ["017", "738", "0000"],
            "select_email": True,
            "limits": {str(account.id): 100 for account in customer.accounts},
        }
        with pytest.raises(Refused) as refused:
            confirm_registration(customer, pending, True, persona["confirm_password"])
        assert refused.value.problems == [rules.LOCKED]
        db.session.rollback()
        customer = db.session.get(Customer, persona["customer_id"])
        assert (customer.mail, customer.tel, customer.step, customer.failed_attempts) == (None, None, "info", 5)
