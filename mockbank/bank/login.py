"""S-LOGIN1 初回ログイン (P7) and S-LOGIN ログイン (P17), and logging out."""
from flask import redirect, render_template, request, session, url_for

from mockbank import journal
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.login_service import authenticate, next_endpoint
from mockbank.bank.session import CUSTOMER, customer_from, end_sessions, put
from mockbank.db import db


def _login_screen(screen: str):
    """Both login screens: ID and password; success goes to the customer's next step."""
    if request.method == "POST":
        try:
            customer = authenticate(request.form.get("login_id", ""), request.form.get("login_pw", ""), screen)
        except Refused as refused:
            journal.refused(screen, refused.problems, refused.customer)
            return render_template("bank/login.html", screen_id=screen, form=request.form, problems=refused.problems)
        session.clear()
        put(CUSTOMER, customer)
        return redirect(url_for(next_endpoint(customer)))
    return render_template("bank/login.html", screen_id=screen, form={}, problems=[])


@bp.route("/netbank/first-login", methods=("GET", "POST"))
def first_login():
    """初回ログイン (S-LOGIN1, P7): the new login ID with the temp (or latest) login password."""
    return _login_screen("S-LOGIN1")


@bp.route("/netbank/login", methods=("GET", "POST"))
def login():
    """ログイン (S-LOGIN, P17): for customers already using つないでネ！ット."""
    return _login_screen("S-LOGIN")


@bp.post("/netbank/logout")
def logout():
    """ログアウト: end the session (and any copy of its cookie) and return to ご利用案内."""
    end_sessions(customer_from(CUSTOMER))
    db.session.commit()
    return redirect(url_for("bank.guide"))
