"""S-INFO お客さま情報登録 (P10), and its セレクトEメールサービス設定: the entries, checked, wait for S-INFO-OK."""

from flask import redirect, render_template, request, session, url_for

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.models import STEP_INFO
from mockbank.bank.progress import at_step
from mockbank.bank.services.customer_registration import check_customer_info
from mockbank.branches import branch_name

PENDING = "pending_info"  # entries checked on S-INFO, saved only on S-INFO-OK
SELECT_EMAIL = "select_email"  # セレクトEメールサービス chosen on S-INFO, saved only on S-INFO-OK


def _select_email(customer) -> bool:
    """セレクトEメールサービス as chosen on this visit, else as the bank holds it."""
    return session.get(SELECT_EMAIL, customer.select_email)


@bp.route("/netbank/customer-registration", methods=("GET", "POST"))
@at_step(STEP_INFO)
@form_view(
    "S-INFO",
    "bank/customer_registration.html",
    branch_name=branch_name,
    initial=lambda customer: _form_from(session.get(PENDING)),
    context=lambda customer: {"select_email": _select_email(customer)},
)
def customer_registration(form, customer):
    """お客さま情報登録 (S-INFO, P10): mail twice, phone in three parts, a limit per account; 確認画面へ."""
    session[PENDING] = check_customer_info(
        customer,
        form.get("mail", ""),
        form.get("mail_again", ""),
        [form.get(f"tel{n}", "") for n in (1, 2, 3)],
        {a.id: form.get(f"limit_{a.id}", "") for a in customer.accounts},
        _select_email(customer),
    )
    return "bank.customer_registration_confirm"


@bp.route("/netbank/select-email", methods=("GET", "POST"))
@at_step(STEP_INFO)
def select_email(customer):
    """セレクトEメールサービス設定 (S-INFO, P10): 利用する or 利用しない, kept until 登録を確定する (R-CANCEL)."""
    if request.method == "POST":
        session[SELECT_EMAIL] = request.form.get("select_email") == "use"
        return redirect(url_for("bank.customer_registration"))
    return render_template("bank/select_email.html", select_email=_select_email(customer))


def _form_from(pending: dict | None) -> dict:
    """Refill S-INFO from entries already checked (coming back from the confirmation, P10)."""
    if not pending:
        return {}
    form = {"mail": pending["mail"], "mail_again": pending["mail"]}
    form.update({f"tel{n}": part for n, part in enumerate(pending["tel"], start=1)})
    form.update({f"limit_{account_id}": str(limit) for account_id, limit in pending["limits"].items()})
    return form
