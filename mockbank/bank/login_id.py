"""S-ID ログインID取得 (P6): the login ID the applicant chose, typed twice, then ID登録実行."""

from flask import session

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.services.login_id import register_login_id
from mockbank.bank.session import APPLICANT, LOGIN_ID_DONE, put, requires


@bp.route("/netbank/login-id", methods=("GET", "POST"))
@requires(APPLICANT, "bank.customer_info")
@form_view("S-ID", "bank/login_id.html")
def login_id(form, customer):
    """ログインID取得 (S-ID, P6): the login ID typed twice, then ID登録実行."""
    register_login_id(customer, form.get("login_id", ""), form.get("login_id_again", ""))
    session.pop(APPLICANT)
    put(LOGIN_ID_DONE, customer)
    return "bank.login_id_done"
