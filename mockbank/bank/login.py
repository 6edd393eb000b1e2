"""S-LOGIN1 初回ログイン (P7) and S-LOGIN ログイン (P17, §1), and logging out."""

from flask import redirect, session, url_for

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.services.login import MailPasswordSent, authenticate, log_in, next_endpoint
from mockbank.bank.session import CUSTOMER, customer_from, end_sessions, put
from mockbank.db import db

MAIL_PENDING = "mail_password_customer"  # R-MAILPW: ID and password passed on a PC; S-MAILPW is next
MAIL_ATTEMPT = "mail_password_attempt"  # the login attempt whose メール通知パスワード this browser may enter


@bp.route("/netbank/first-login", methods=("GET", "POST"))
@form_view("S-LOGIN1", "bank/login.html", screen_id="S-LOGIN1")
def first_login(form):
    """初回ログイン (S-LOGIN1, P7): the new login ID with the temp (or latest) login password."""
    return logged_in(authenticate(form.get("login_id", ""), form.get("login_pw", ""), "S-LOGIN1"))


@bp.route("/netbank/login", methods=("GET", "POST"))
@form_view("S-LOGIN", "bank/login.html", screen_id="S-LOGIN")
def login(form):
    """ログイン (S-LOGIN, P17): for customers already using つないでネ！ット; the app's code if they use it (§1)."""
    outcome = log_in(
        form.get("login_id", ""),
        form.get("login_pw", ""),
        form.get("otp", ""),
        "S-LOGIN",
        filled=form.get("otp_filled") == "1",
    )
    if isinstance(outcome, MailPasswordSent):
        return _awaiting_mail_password(outcome)
    return logged_in(outcome)


def logged_in(customer) -> str:
    """A fresh session for the customer (P7, P17); they go on to their onboarding step or the top page."""
    session.clear()
    put(CUSTOMER, customer)
    return next_endpoint(customer)


def _awaiting_mail_password(sent: MailPasswordSent) -> str:
    """R-MAILPW: this browser, and no other, goes on to S-MAILPW for the attempt whose password was mailed."""
    session.clear()
    put(MAIL_PENDING, sent.customer)
    session[MAIL_ATTEMPT] = sent.attempt
    return "bank.mail_password"


@bp.post("/netbank/logout")
def logout():
    """ログアウト (S-HOME): end the session (and any copy of its cookie) and return to ご利用案内."""
    end_sessions(customer_from(CUSTOMER))
    db.session.commit()
    return redirect(url_for("bank.guide"))
