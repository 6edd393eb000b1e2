"""SID001 お客様情報入力 (P5): the representative account and the (temp or latest) passwords."""
from flask import redirect, render_template, request, session, url_for

from mockbank import journal
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.onboarding import verify_applicant
from mockbank.bank.session import APPLICANT, put
from mockbank.bank.steps import abandon


@bp.route("/netbank/customer-info", methods=("GET", "POST"))
def customer_info():
    """お客様情報入力 (SID001, P5); 登録を中止する abandons it (R-CANCEL)."""
    form = request.form
    if request.method == "POST" and form.get("action") == "cancel":
        return abandon("SID001")
    if request.method == "POST":
        try:
            customer = verify_applicant(
                form.get("branch", ""), form.get("kind", "普通"), form.get("account", ""),
                form.get("login_pw", ""), form.get("confirm_pw", ""),
            )
        except Refused as refused:
            journal.refused("SID001", refused.problems, refused.customer)
            return render_template("bank/customer_info.html", form=form, problems=refused.problems)
        session.clear()
        put(APPLICANT, customer)
        return redirect(url_for("bank.login_id"))
    return render_template("bank/customer_info.html", form={}, problems=[])

