"""S-LOGIN1 初回ログイン (P7) and S-LOGIN ログイン (P17), and logging out."""

from flask import redirect, session, url_for

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.services.login import authenticate, next_endpoint
from mockbank.bank.session import CUSTOMER, customer_from, end_sessions, put
from mockbank.db import db


@bp.route("/netbank/first-login", methods=("GET", "POST"))
@form_view("S-LOGIN1", "bank/login.html", screen_id="S-LOGIN1")
def first_login(form):
    """初回ログイン (S-LOGIN1, P7): the new login ID with the temp (or latest) login password."""
    return _logged_in(authenticate(form.get("login_id", ""), form.get("login_pw", ""), "S-LOGIN1"))


@bp.route("/netbank/login", methods=("GET", "POST"))
@form_view("S-LOGIN", "bank/login.html", screen_id="S-LOGIN")
def login(form):
    """ログイン (S-LOGIN, P17): for customers already using つないでネ！ット."""
    return _logged_in(authenticate(form.get("login_id", ""), form.get("login_pw", ""), "S-LOGIN"))


def _logged_in(customer) -> str:
    """A fresh session for the customer (P7, P17); they go on to their onboarding step or the top page."""
    session.clear()
    put(CUSTOMER, customer)
    return next_endpoint(customer)


@bp.post("/netbank/logout")
def logout():
    """ログアウト (S-HOME): end the session (and any copy of its cookie) and return to ご利用案内."""
    end_sessions(customer_from(CUSTOMER))
    db.session.commit()
    return redirect(url_for("bank.guide"))
