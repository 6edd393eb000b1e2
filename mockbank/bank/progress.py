"""A customer's progress through onboarding (R-PW-CHANGE): the steps in order, the guard that keeps a customer at
their own step, where a login leads, and 中止する (R-CANCEL)."""

from __future__ import annotations

from functools import wraps

from flask import flash, redirect, session, url_for

from mockbank import journal
from mockbank.bank.models import STEP_DONE, STEP_INFO, STEP_OTP, STEP_PW, STEP_QA
from mockbank.bank.services.applications import close_abandoned
from mockbank.bank.session import CUSTOMER, REISSUE, customer_from, end_sessions, put
from mockbank.db import db

# In the order a new contract goes (P8–P12), with the screen each step opens on.
STEP_ENDPOINTS = {
    STEP_QA: "bank.secret_qa",
    STEP_PW: "bank.password_change",
    STEP_INFO: "bank.customer_registration",
    STEP_OTP: "bank.otp_application",
    STEP_DONE: "bank.home",
}
STEP_SCREENS = {STEP_QA: "S-QA", STEP_PW: "S-PW", STEP_INFO: "S-INFO", STEP_OTP: "S-OTPAPP", STEP_DONE: "S-HOME"}


def step_endpoint(step: str) -> str:
    """The screen a logged-in customer at `step` belongs on."""
    return STEP_ENDPOINTS.get(step, "bank.login")


def logged_in(customer) -> str:
    """A fresh session for the customer (P7, P17); they go on to their onboarding step or the top page.

    The older sessions end with this login (R-ONE-SESSION): an OTP application left open on one is abandoned.
    """
    close_abandoned(customer)
    session.clear()
    put(CUSTOMER, customer)
    return step_endpoint(customer.step)


def at_step(step: str, also=None, reissue: bool = False):
    """A logged-in screen of one step (or of customers `also` admits): strangers go to ログイン, others to their step.

    With `reissue` (S-TEL, S-TOKEN), the screen also serves a customer reissuing their token (P20): one who has
    finished onboarding and is not logged in, but passed S-REISSUE-AUTH in this session (`reissuing`).
    """

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            customer = customer_from(CUSTOMER)
            if customer is None and reissue:
                reissuer = reissuing()
                if reissuer is not None:
                    return view(reissuer, *args, **kwargs)
            if customer is None:
                return redirect(url_for("bank.login"))
            if customer.step != step and not (also is not None and also(customer)):
                if _ahead(step, customer.step):
                    _refuse_skipping(step, customer)
                return redirect(url_for(step_endpoint(customer.step)))
            return view(customer, *args, **kwargs)

        return wrapped

    return decorate


def reissuing():
    """The customer this session holds for トークン再発行 (P20), if it holds one and no login."""
    return customer_from(REISSUE) if session.get(REISSUE) is not None and session.get(CUSTOMER) is None else None


def start_reissue(customer) -> None:
    """S-REISSUE-AUTH passed: a fresh session holding the customer for the reissue alone (never S-HOME)."""
    session.clear()
    put(REISSUE, customer)


def _ahead(step: str, current: str) -> bool:
    """Whether `step` comes after `current` in the journey (going back is not skipping)."""
    order = list(STEP_ENDPOINTS)
    return current in order and step in order and order.index(step) > order.index(current)


def _refuse_skipping(step: str, customer) -> None:
    """R-PW-CHANGE: journal a customer kept from skipping to a later step's screen."""
    journal.record("refused", screen=STEP_SCREENS[step], rule="R-PW-CHANGE", customer=customer, step=customer.step)
    db.session.commit()


def abandon(screen: str, customer=None):
    """R-CANCEL (中止する): save nothing, end the session, and go back to ご利用案内."""
    end_sessions(customer)
    journal.record("cancel", screen=screen, rule="R-CANCEL", customer=customer)
    db.session.commit()
    flash("登録を中止しました。")
    return redirect(url_for("bank.guide"))
