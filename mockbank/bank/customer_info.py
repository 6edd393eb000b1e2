"""SID001 お客様情報入力 (P5): the representative account and the (temp or latest) passwords."""

from flask import flash, session

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.models import STEP_DONE
from mockbank.bank.risk_based_auth import awaiting_answer
from mockbank.bank.services import risk_based_auth
from mockbank.bank.services.customer_info import verify_applicant
from mockbank.bank.session import APPLICANT, CUSTOMER, put

# §1(1) and its example: the ID and passwords of the service are shared by every device of the customer's.
KEEPS_CREDENTIALS = (
    "現在ご利用中のログインID・パスワードをそのまま使います。（あらためての「ログインID取得」は不要です。）"
)


@bp.route("/netbank/customer-info", methods=("GET", "POST"))
@form_view("SID001", "bank/customer_info.html", cancel=True)
def customer_info(form):
    """お客様情報入力 (SID001, P5): 次へ goes on to ログインID取得, or, for a customer already using the service, to
    ワンタイムパスワード利用申請; 登録を中止する abandons it (R-CANCEL)."""
    customer, asked_first = verify_applicant(
        form.get("branch", ""),
        form.get("kind", "普通"),
        form.get("account", ""),
        form.get("login_pw", ""),
        form.get("confirm_pw", ""),
    )
    session.clear()
    if customer.step == STEP_DONE:  # already using the service (keeps_credentials): no new login ID
        if asked_first:  # R-RBA: a secret question first
            return awaiting_answer(risk_based_auth.ask(customer, "SID001"))
        put(CUSTOMER, customer)
        flash(KEEPS_CREDENTIALS)
        return "bank.otp_application"
    put(APPLICANT, customer)
    return "bank.login_id"
