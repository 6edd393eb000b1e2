"""Who is at the screen: the applicant during onboarding, the customer once logged in."""
from __future__ import annotations

from functools import wraps

from flask import redirect, session, url_for

from mockbank.db import db
from mockbank.models import Customer

APPLICANT = "applicant"  # SID001 passed: the customer taking a login ID
LOGIN_ID_DONE = "login_id_done"  # S-ID passed: the customer on ログインID取得完了
CUSTOMER = "customer"  # logged in


def customer_from(key: str) -> Customer | None:
    """The customer whose id the session holds under `key`, if any."""
    customer_id = session.get(key)
    return db.session.get(Customer, customer_id) if customer_id else None


def requires(key: str, endpoint: str):
    """A view that needs `key` in the session; without it the customer goes back to `endpoint`."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            customer = customer_from(key)
            if customer is None:
                return redirect(url_for(endpoint))
            return view(customer, *args, **kwargs)

        return wrapped

    return decorate


def login_required(view):
    """A logged-in screen; a stranger is sent to the login screen."""
    return requires(CUSTOMER, "bank.login")(view)
