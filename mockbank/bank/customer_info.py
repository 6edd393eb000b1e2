"""SID001 お客様情報入力 (P5): the representative account and the (temp or latest) passwords."""

from flask import session

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.services.customer_info import verify_applicant
from mockbank.bank.session import APPLICANT, put


@bp.route("/netbank/customer-info", methods=("GET", "POST"))
@form_view("SID001", "bank/customer_info.html", cancel=True)
def customer_info(form):
    """お客様情報入力 (SID001, P5): 次へ goes on to ログインID取得; 登録を中止する abandons it (R-CANCEL)."""
    customer = verify_applicant(
        form.get("branch", ""),
        form.get("kind", "普通"),
        form.get("account", ""),
        form.get("login_pw", ""),
        form.get("confirm_pw", ""),
    )
    session.clear()
    put(APPLICANT, customer)
    return "bank.login_id"
