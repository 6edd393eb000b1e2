"""S-INFO お客さま情報登録 and S-INFO-OK its confirmation (P10–P11), and セレクトEメールサービス設定."""
from flask import redirect, render_template, request, session, url_for

from mockbank import journal
from mockbank.bank import bp
from mockbank.bank.errors import Refused
from mockbank.bank.initial_setup import check_customer_info, confirm_registration
from mockbank.bank.notices import send_mail_registered
from mockbank.bank.steps import abandon, at_step
from mockbank.branches import branch_name
from mockbank.models import STEP_INFO

PENDING = "pending_info"  # entries checked on S-INFO, saved only on S-INFO-OK
SELECT_EMAIL = "select_email"  # セレクトEメールサービス chosen on S-INFO, saved only on S-INFO-OK


@bp.route("/netbank/customer-registration", methods=("GET", "POST"))
@at_step(STEP_INFO)
def customer_registration(customer):
    """お客さま情報登録 (S-INFO, P10): mail twice, phone in three parts, a limit per account; 確認画面へ."""
    form = request.form if request.method == "POST" else _form_from(session.get(PENDING))
    problems = []
    if request.method == "POST":
        try:
            session[PENDING] = check_customer_info(
                customer, form.get("mail", ""), form.get("mail_again", ""),
                [form.get(f"tel{n}", "") for n in (1, 2, 3)],
                {a.id: form.get(f"limit_{a.id}", "") for a in customer.accounts},
                session.get(SELECT_EMAIL, customer.select_email),
            )
            return redirect(url_for("bank.customer_registration_confirm"))
        except Refused as refused:
            journal.refused("S-INFO", refused.problems, customer)
            problems = refused.problems
    return render_template("bank/customer_registration.html", customer=customer, form=form, problems=problems,
                           branch_name=branch_name, select_email=session.get(SELECT_EMAIL, customer.select_email))


@bp.route("/netbank/customer-registration/confirm", methods=("GET", "POST"))
@at_step(STEP_INFO)
def customer_registration_confirm(customer):
    """お客さま情報登録確認 (S-INFO-OK, P11): 確認しました, 確認用パスワード, 登録を確定する or 中止する."""
    pending = session.get(PENDING)
    if pending is None:
        return redirect(url_for("bank.customer_registration"))
    if request.method == "POST" and request.form.get("action") == "cancel":
        return abandon("S-INFO-OK", customer)
    problems = []
    if request.method == "POST":
        try:
            confirm_registration(customer, pending, request.form.get("ack") == "on", request.form.get("confirm_pw", ""))
        except Refused as refused:
            journal.refused("S-INFO-OK", refused.problems, customer)
            problems = refused.problems
        else:
            session.pop(PENDING)
            session.pop(SELECT_EMAIL, None)
            send_mail_registered(customer)
            return redirect(url_for("bank.otp_application"))
    return render_template("bank/customer_registration_confirm.html", customer=customer, pending=pending,
                           problems=problems, branch_name=branch_name)


@bp.route("/netbank/select-email", methods=("GET", "POST"))
@at_step(STEP_INFO)
def select_email(customer):
    """セレクトEメールサービス設定: 利用する or 利用しない, kept with the entries until 登録を確定する (R-CANCEL)."""
    if request.method == "POST":
        session[SELECT_EMAIL] = request.form.get("select_email") == "use"
        return redirect(url_for("bank.customer_registration"))
    return render_template("bank/select_email.html", select_email=session.get(SELECT_EMAIL, customer.select_email))


def _form_from(pending: dict | None) -> dict:
    """Refill S-INFO from entries already checked (coming back from the confirmation)."""
    if not pending:
        return {}
    form = {"mail": pending["mail"], "mail_again": pending["mail"]}
    form.update({f"tel{n}": part for n, part in enumerate(pending["tel"], start=1)})
    form.update({f"limit_{account_id}": str(limit) for account_id, limit in pending["limits"].items()})
    return form
