"""S-QA 追加認証登録 (P8): three secret questions and answers."""
from flask import redirect, render_template, request, url_for

from mockbank import journal
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.initial_setup import register_secret_qa
from mockbank.bank.questions import QUESTIONS
from mockbank.bank.steps import abandon, at_step
from mockbank.models import STEP_QA


@bp.route("/netbank/secret-qa", methods=("GET", "POST"))
@at_step(STEP_QA)
def secret_qa(customer):
    """ログイン（追加認証登録） (S-QA, P8); 中止する abandons it (R-CANCEL)."""
    form = request.form
    if request.method == "POST" and form.get("action") == "cancel":
        return abandon("S-QA", customer)
    problems = []
    if request.method == "POST":
        try:
            register_secret_qa(
                customer,
                [form.get(f"question{n}", "") for n in (1, 2, 3)],
                [form.get(f"answer{n}", "") for n in (1, 2, 3)],
                form.get("ack") == "on",
            )
            return redirect(url_for("bank.password_change"))
        except Refused as refused:
            journal.refused("S-QA", refused.problems, customer)
            problems = refused.problems
    return render_template("bank/secret_qa.html", form=form, problems=problems, questions=QUESTIONS)
