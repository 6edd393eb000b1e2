"""S-ID-DONE ログインID取得完了 (P6): the ID masked, 確認しました。 ticked, then on to 初回ログイン (R-ID-ACK)."""

from flask import session

from mockbank import journal, rules
from mockbank.bank import bp
from mockbank.bank.errors import refuse_if
from mockbank.bank.form_view import form_view
from mockbank.bank.session import LOGIN_ID_DONE, requires
from mockbank.db import db


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
