"""S-INFO お客さま情報登録 and S-INFO-OK its confirmation (P10–P11), and セレクトEメールサービス設定."""

from functools import wraps

from flask import flash, redirect, render_template, request, session, url_for

from mockbank.bank import bp
from mockbank.bank.form_view import form_view
from mockbank.bank.notices import send_mail_registered
from mockbank.bank.services.customer_registration import check_customer_info, confirm_registration
from mockbank.bank.steps import at_step
from mockbank.branches import branch_name
from mockbank.models import STEP_INFO

PENDING = "pending_info"  # entries checked on S-INFO, saved only on S-INFO-OK
SELECT_EMAIL = "select_email"  # セレクトEメールサービス chosen on S-INFO, saved only on S-INFO-OK


def _select_email(customer) -> bool:
    """セレクトEメールサービス as chosen on this visit, else as the bank holds it."""
    return session.get(SELECT_EMAIL, customer.select_email)


def _with_pending(view):
    """S-INFO-OK shows entries checked on S-INFO (P11); without them the customer goes back to S-INFO."""

    @wraps(view)
    def wrapped(customer):
        if session.get(PENDING) is None:
            return redirect(url_for("bank.customer_registration"))
        return view(customer)

    return wrapped


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


@bp.route("/netbank/customer-registration/confirm", methods=("GET", "POST"))
@at_step(STEP_INFO)
@_with_pending
@form_view(
    "S-INFO-OK",
    "bank/customer_registration_confirm.html",
    cancel=True,
    branch_name=branch_name,
    context=lambda customer: {"pending": session[PENDING]},
)
def customer_registration_confirm(form, customer):
    """お客さま情報登録確認 (S-INFO-OK, P11): 確認しました, 確認用パスワード, 登録を確定する or 中止する (R-CANCEL)."""
    confirm_registration(customer, session[PENDING], form.get("ack") == "on", form.get("confirm_pw", ""))
    session.pop(PENDING)
    session.pop(SELECT_EMAIL, None)
    send_mail_registered(customer)
    flash("お客さま情報の登録が完了しました。")  # S-OTPAPP greets the customer with it (role="status")
    return "bank.otp_application"


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
