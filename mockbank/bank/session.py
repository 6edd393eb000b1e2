"""Who is at the screen: the applicant during onboarding, the customer once logged in.

The session cookie holds a customer's id, their session number and when the
world clock last saw them. A session ends on logout, 中止する, a lockout or a
newer login (the number moves on, so an old cookie is worthless), and after
SESSION_IDLE_SECONDS of world time without a request, as at a real bank.
"""

from __future__ import annotations

from functools import wraps

from flask import current_app, flash, redirect, session, url_for

from mockbank import clock, journal, rules
from mockbank.bank.models import Customer
from mockbank.db import db

APPLICANT = "applicant"  # SID001 passed: the customer taking a login ID
LOGIN_ID_DONE = "login_id_done"  # S-ID passed: the customer on ログインID取得完了
CUSTOMER = "customer"  # logged in
REISSUE = "reissue"  # S-REISSUE-AUTH passed: the customer reissuing their token (P20), not logged in
NUMBER = "session_number"
SESSION_IDLE = "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。"
SESSION_ENDED = "ログアウトしました。別の端末でログインされたか、ログアウト・中止の操作がされています。もう一度ログインしてください。"
SEEN = "seen_at"


def put(key: str, customer: Customer) -> None:
    """Remember `customer` under `key` in this session."""
    session[key] = customer.id
    session[NUMBER] = customer.session_number
    session[SEEN] = clock.now().timestamp()


def end_sessions(customer: Customer | None) -> None:
    """Forget this session and make every cookie of the customer's worthless (the caller commits)."""
    session.clear()
    if customer is not None:
        customer.session_number += 1


def customer_from(key: str) -> Customer | None:
    """The customer this session holds under `key`, unless the session ended, idled out or is locked."""
    customer_id = session.get(key)
    customer = db.session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is not None and customer.locked:
        session.clear()
        flash(rules.LOCKED.message)  # R-LOCKOUT: the customer learns why the session ended
        return None
    if customer is None:
        return None
    if session.get(NUMBER) != customer.session_number:
        _ended(customer)
        return None
    now = clock.now().timestamp()
    if now - session.get(SEEN, 0) > current_app.config["SESSION_IDLE_SECONDS"]:
        session.clear()
        flash(SESSION_IDLE)
        return None
    session[SEEN] = now
    return customer


def _ended(customer: Customer) -> None:
    """R-ONE-SESSION: a cookie from before a newer login, a logout or 中止する is worthless; say so in the journal."""
    session.clear()
    flash(SESSION_ENDED)
    journal.record("session_ended", rule="R-ONE-SESSION", customer=customer, why="stale")
    db.session.commit()


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
