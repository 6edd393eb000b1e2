"""S-PW パスワード変更 (P9): a new contract replaces both temp passwords."""
from flask import redirect, render_template, request, url_for

from mockbank import journal
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.initial_setup import change_passwords
from mockbank.bank.steps import abandon, at_step
from mockbank.models import STEP_PW


@bp.route("/netbank/password", methods=("GET", "POST"))
@at_step(STEP_PW)
def password_change(customer):
    """パスワード変更 (S-PW, P9); 中止する abandons it (R-CANCEL)."""
    form = request.form
    if request.method == "POST" and form.get("action") == "cancel":
        return abandon("S-PW", customer)
    problems = []
    if request.method == "POST":
        try:
            change_passwords(
                customer, form.get("login_pw", ""), form.get("login_pw_again", ""),
                form.get("confirm_pw", ""), form.get("confirm_pw_again", ""),
            )
            return redirect(url_for("bank.customer_registration"))
        except Refused as refused:
            journal.refused("S-PW", refused.problems, customer)
            problems = refused.problems
    return render_template("bank/password_change.html", problems=problems)
