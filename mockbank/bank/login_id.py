"""S-ID ログインID取得 and S-ID-DONE ログインID取得完了 (P6)."""

from flask import render_template, session

from mockbank import applied, journal, rules
from mockbank.bank import bp
from mockbank.bank.errors import refuse_if
from mockbank.bank.form_view import form_view
from mockbank.bank.services.login_id import register_login_id
from mockbank.bank.session import APPLICANT, LOGIN_ID_DONE, put, requires
from mockbank.db import db


@bp.route("/netbank/login-id", methods=("GET", "POST"))
@requires(APPLICANT, "bank.customer_info")
@form_view("S-ID", "bank/login_id.html")
def login_id(form, customer):
    """ログインID取得 (S-ID, P6): the login ID typed twice, then ID登録実行."""
    register_login_id(customer, form.get("login_id", ""), form.get("login_id_again", ""))
    session.pop(APPLICANT)
    put(LOGIN_ID_DONE, customer)
    return "bank.login_id_done"


@bp.route("/netbank/login-id/done", methods=("GET", "POST"))
@requires(LOGIN_ID_DONE, "bank.customer_info")
@form_view("S-ID-DONE", "bank/login_id_done.html")
def login_id_done(form, customer):
    """ログインID取得完了 (S-ID-DONE, P6): 確認しました。 must be ticked before 初回ログイン (R-ID-ACK)."""
    refuse_if(rules.acknowledged(form.get("ack") == "on"), customer=customer)
    journal.record("screen", screen="S-ID-DONE", customer=customer)  # with R-ID-ACK passed
    db.session.commit()
    session.pop(LOGIN_ID_DONE)
    return "bank.first_login"


@bp.get("/netbank/login-id/lost")
def login_id_lost():
    """R-ID-LOST: a forgotten login ID cannot be recovered online (P6); the bank says so."""
    applied.passed("R-ID-LOST")
    journal.record("notice", screen="S-ID-LOST")
    db.session.commit()
    return render_template("bank/login_id_lost.html")
